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


def base_document(**changes: Any) -> dict[str, Any]:
    """Return a clean euc/1 certificate for a servo-motor maker, with top-level keys replaced."""
    document: dict[str, Any] = {
        "format": "euc/1",
        "reference": "T-1",
        "language": "ja",
        "exporter": {
            "name": "Baotou Magnet Co., Ltd.",
            "name_local": "包头磁材有限公司",
            "country": "CN",
        },
        "importer": {
            "name": "Kansai Magnetics Trading Co., Ltd.",
            "name_local": "関西マグネティクス商事株式会社",
            "country": "JP",
        },
        "end_user": {
            "name": "Hamamatsu Drive Systems Co., Ltd.",
            "name_local": "浜松ドライブシステムズ株式会社",
            "corporate_number": "",
            "country": "JP",
            "business": "産業用サーボモーターの製造",
        },
        "contract": {"number": "C-1", "date": "2026-02-10"},
        "items": [
            {
                "description": "Copper wire",
                "control_code": "",
                "hs_code": "7408.11",
                "quantity": 300,
                "unit": "kg",
                "value": 2100,
                "currency": "USD",
                "specifications": "",
            }
        ],
        "declared_uses": [
            {
                "description": "産業用ロボット向けサーボモーターの巻線に使用",
                "sector": "industrial machinery",
                "end_product": "servo motors",
                "site": "Hamamatsu, Shizuoka",
                "annual_quantity": 3600,
                "unit": "kg",
            }
        ],
        "final_destination": "JP",
        "undertakings": {
            "no_military_use": True,
            "no_wmd_use": True,
            "no_transfer_without_consent": True,
            "no_reexport_without_consent": True,
        },
        "signatory": {"name": "鈴木 花子", "title": "取締役", "signed_on": "2026-02-12"},
    }
    document.update(changes)
    return document


def all_findings(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        finding for category in result["categories"].values() for finding in category["findings"]
    ]


def rules_fired(result: dict[str, Any]) -> list[str]:
    return [finding["rule"] for finding in all_findings(result)]
