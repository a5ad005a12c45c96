"""The reference lists and catalogue that ship with the product parse and follow their formats."""

import csv
import json
import re
from datetime import date
from pathlib import Path

import pytest

from screening.engine.corporate_number import is_valid_corporate_number

DATA_DIR = Path(__file__).resolve().parents[2] / "screening" / "reference_data"
HEADER = ["id", "name", "aliases", "country", "corporate_number", "address", "list_kind", "notes"]
LIST_KINDS = {
    "military_end_user",
    "control_list",
    "unreliable_entity",
    "watch_list",
    "defense_industry",
}
CONTROL_CODE = re.compile(r"[0-9][A-E][0-9]{3}(\.[a-z0-9]+)*")
HS_CODE = re.compile(r"[0-9]{4}(\.[0-9]{2})?")
EXPECTED_KIND = {
    "jp-mod.csv": "military_end_user",
    "mofcom-control-list-jp.csv": "control_list",
    "mofcom-watch-list-jp.csv": "watch_list",
    "jp-defense-contractors.csv": "defense_industry",
}
CSV_PATHS = sorted(DATA_DIR.glob("*.csv"))


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def load_manifest() -> list[dict[str, str]]:
    return json.loads((DATA_DIR / "lists.json").read_text(encoding="utf-8"))


def test_every_list_present():
    assert sorted(path.name for path in CSV_PATHS) == sorted(EXPECTED_KIND)


@pytest.mark.parametrize("path", CSV_PATHS, ids=lambda path: path.name)
def test_watchlist_header_exact(path: Path):
    header, _rows = read_rows(path)
    assert header == HEADER


@pytest.mark.parametrize("path", CSV_PATHS, ids=lambda path: path.name)
def test_watchlist_rows(path: Path):
    _header, rows = read_rows(path)
    assert rows
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), "ids must be unique"
    for row in rows:
        assert None not in row, f"{row['id']}: too many columns"
        assert row["list_kind"] in LIST_KINDS, row["id"]
        assert row["list_kind"] == EXPECTED_KIND[path.name], row["id"]
        assert row["name"].strip() == row["name"] != "", row["id"]
        assert row["country"] == "JP", row["id"]
        assert row["notes"], f"{row['id']}: notes must give the source"
        aliases = row["aliases"].split("|") if row["aliases"] else []
        assert all(alias.strip() == alias != "" for alias in aliases), row["id"]
        assert len(aliases) == len(set(aliases)), f"{row['id']}: repeated alias"
        if row["corporate_number"]:
            assert is_valid_corporate_number(row["corporate_number"]), row["id"]


def test_control_list_cites_announcement():
    _header, rows = read_rows(DATA_DIR / "mofcom-control-list-jp.csv")
    assert all("Announcement 2026 No. 11" in row["notes"] for row in rows)


def test_watch_list_cites_announcement():
    _header, rows = read_rows(DATA_DIR / "mofcom-watch-list-jp.csv")
    assert all("2026 No. 12" in row["notes"] for row in rows)


def test_manifest_names_every_file():
    manifest = load_manifest()
    assert sorted(entry["file"] for entry in manifest) == sorted(path.name for path in CSV_PATHS)
    slugs = [entry["slug"] for entry in manifest]
    assert len(slugs) == len(set(slugs))


def test_manifest_fields():
    for entry in load_manifest():
        assert set(entry) == {
            "slug",
            "file",
            "name_ja",
            "name_en",
            "source",
            "source_url",
            "published_on",
        }
        assert re.fullmatch(r"[a-z0-9-]+", entry["slug"]), entry["slug"]
        assert entry["source_url"].startswith(("http://", "https://")), entry["slug"]
        assert date.fromisoformat(entry["published_on"]), entry["slug"]
        assert all(entry[key] for key in ("name_ja", "name_en", "source")), entry["slug"]


def test_catalogue_entries():
    catalogue = json.loads((DATA_DIR / "catalogue.json").read_text(encoding="utf-8"))
    assert set(catalogue) == {"version", "source", "entries"}
    assert catalogue["version"] == "2026.1"
    codes = [entry["code"] for entry in catalogue["entries"]]
    assert len(codes) == len(set(codes)), "control codes must be unique"
    for entry in catalogue["entries"]:
        code = entry["code"]
        assert CONTROL_CODE.fullmatch(code), code
        assert set(entry) == {
            "code",
            "name",
            "name_ja",
            "name_zh",
            "terms",
            "hs_codes",
            "sensitivity",
            "military_applications",
            "source",
        }, code
        assert all(
            entry[key] for key in ("name", "name_ja", "name_zh", "military_applications", "source")
        ), code
        assert entry["terms"] and all(isinstance(term, str) and term for term in entry["terms"]), (
            code
        )
        assert all(HS_CODE.fullmatch(hs) for hs in entry["hs_codes"]), code
        assert entry["sensitivity"] in {1, 2, 3}, code


@pytest.mark.parametrize(
    "term", ["タングステン", "tungsten", "钨", "ネオジム磁石", "NdFeB", "钕铁硼", "炭素繊維"]
)
def test_catalogue_covers_named_items(term):
    catalogue = json.loads((DATA_DIR / "catalogue.json").read_text(encoding="utf-8"))
    assert any(term in entry["terms"] for entry in catalogue["entries"])
