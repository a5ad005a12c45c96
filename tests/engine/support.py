"""Shared test data: sample paths, a small catalogue and CSV loading."""

import csv
import json
from pathlib import Path
from typing import Any

from screening.engine.types import CatalogueEntry, ListEntry, WatchlistSnapshot

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"

CATALOGUE = (
    CatalogueEntry(
        code="1C117.c",
        name="Tungsten and tungsten alloys",
        terms=("tungsten", "タングステン", "钨"),
        hs_codes=("8101.94", "8101.99"),
        sensitivity=3,
        military_applications="kinetic penetrators, armour, counterweights in missiles",
    ),
    CatalogueEntry(
        code="1C902",
        name="Samarium and samarium-cobalt magnet materials",
        terms=("samarium cobalt", "smco", "サマリウムコバルト", "钐钴"),
        hs_codes=("2805.30",),
        sensitivity=3,
        military_applications="missile guidance actuators, radar travelling-wave tubes",
    ),
    CatalogueEntry(
        code="1C905",
        name="NdFeB permanent magnets containing dysprosium or terbium",
        terms=("ndfeb", "neodymium magnet", "ネオジム磁石", "钕铁硼"),
        hs_codes=("8505.11",),
        sensitivity=2,
        military_applications="actuators and motors in guided weapons and drones",
    ),
    CatalogueEntry(
        code="1C010",
        name="Carbon fibre and prepreg",
        terms=("carbon fibre", "carbon fiber", "炭素繊維", "碳纤维"),
        hs_codes=("6815.11", "6815.12", "6815.13"),
        sensitivity=2,
        military_applications="airframes, rocket motor cases",
    ),
    CatalogueEntry(
        code="6A005",
        name="Lasers",
        terms=("laser", "レーザー", "激光器"),
        hs_codes=("9013.20",),
        sensitivity=3,
        military_applications="range finders, target designators",
    ),
    CatalogueEntry(
        code="6A002",
        name="High-precision sensors",
        terms=("infrared sensor", "赤外線センサー", "gyroscope"),
        sensitivity=3,
        military_applications="seekers, inertial navigation",
    ),
    CatalogueEntry(
        code="8D001",
        name="Maritime engineering software",
        terms=("hull design software", "船舶設計ソフトウェア"),
        sensitivity=4,
        military_applications="warship and submarine design",
    ),
)


def read_watchlist(path: Path, version: int = 1) -> WatchlistSnapshot:
    """Read a watchlist CSV (id,name,aliases,country,corporate_number,address,list_kind,notes)."""
    with path.open(encoding="utf-8", newline="") as handle:
        entries = tuple(
            ListEntry(
                entry_id=row["id"],
                name=row["name"],
                list_kind=row["list_kind"],
                aliases=tuple(alias for alias in row["aliases"].split("|") if alias),
                country=row["country"],
                corporate_number=row["corporate_number"],
                address=row["address"],
                notes=row["notes"],
            )
            for row in csv.DictReader(handle)
        )
    return WatchlistSnapshot(slug=path.stem, version=version, entries=entries)


def sample_certificates() -> list[dict[str, Any]]:
    folder = SAMPLES / "certificates"
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))]
