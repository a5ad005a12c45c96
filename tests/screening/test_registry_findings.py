import datetime
import io
from pathlib import Path
from typing import Any

import pytest

from screening.engine import load_ruleset, screen_document
from screening.engine.types import RegistryRecord
from screening.services import screening_preview
from screening.services.registry import corporate_numbers_import

DATA = Path(__file__).parent / "data"
TODAY = datetime.date(2026, 12, 1)
IMPORTER = "1030001098765"
END_USER = "4010001234567"


def _record(number: str, name: str, en_name: str = "", **extra: Any) -> RegistryRecord:
    return RegistryRecord(corporate_number=number, name=name, en_name=en_name, **extra)


def _matching_registry(**end_user_extra: Any) -> dict[str, RegistryRecord]:
    return {
        IMPORTER: _record(
            IMPORTER, "関西マグネティクス商事株式会社", "Kansai Magnetics Trading Co., Ltd."
        ),
        END_USER: _record(
            END_USER,
            end_user_extra.pop("name", "浜松ドライブシステムズ株式会社"),
            end_user_extra.pop("en_name", "Hamamatsu Drive Systems Co., Ltd."),
            **end_user_extra,
        ),
    }


def _registry_findings(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        finding
        for category in result["categories"].values()
        for finding in category["findings"]
        if finding["rule"].startswith("registry.")
    ]


def _screen(document: dict[str, Any], registry: dict[str, RegistryRecord] | None):
    result = screen_document(
        document,
        indexes=(),
        catalogue=(),
        ruleset=load_ruleset(),
        today=TODAY,
        registry=registry,
    )
    return _registry_findings(result)


def test_no_registry_no_findings(document):
    assert _screen(document, None) == []


def test_matching_registry_no_findings(document):
    assert _screen(document, _matching_registry()) == []


def test_unregistered_numbers(document):
    findings = _screen(document, {})
    assert [(f["rule"], f["field"]) for f in findings] == [
        ("registry.not_registered", "importer.corporate_number"),
        ("registry.not_registered", "end_user.corporate_number"),
    ]
    assert findings[0]["points"] == load_ruleset().points["registry.not_registered"]
    assert findings[0]["evidence"] == IMPORTER


def test_name_mismatch_names_both(document):
    registry = _matching_registry(name="東海精機株式会社", en_name="Tokai Seiki Co., Ltd.")
    (finding,) = _screen(document, registry)
    assert finding["rule"] == "registry.name_mismatch"
    assert finding["params"]["registered_name"] == "東海精機株式会社"
    assert finding["params"]["name"] == "浜松ドライブシステムズ株式会社"
    assert "東海精機株式会社" in finding["message"]
    assert "浜松ドライブシステムズ株式会社" in finding["message"]


def test_name_matches_after_normalisation(document):
    # Legal forms such as (株) fold away before comparison.
    registry = _matching_registry(name="浜松ドライブシステムズ(株)", en_name="")
    assert _screen(document, registry) == []


def test_latin_only_party_not_compared_with_kanji(make_document):
    document = make_document()
    document["end_user"].pop("name_local")
    registry = _matching_registry(name="東海精機株式会社", en_name="")
    assert _screen(document, registry) == []


def test_closed_company(document):
    registry = _matching_registry(close_date=datetime.date(2026, 3, 31), close_cause="01")
    (finding,) = _screen(document, registry)
    assert finding["rule"] == "registry.closed"
    assert finding["params"]["close_date"] == "2026-03-31"
    assert finding["params"]["close_cause"] == "01"


@pytest.mark.parametrize(("days_ago", "flagged"), [(0, True), (179, True), (180, False)])
def test_new_company(document, days_ago, flagged):
    assigned = TODAY - datetime.timedelta(days=days_ago)
    findings = _screen(document, _matching_registry(assignment_date=assigned))
    assert [f["rule"] for f in findings] == (["registry.new_company"] if flagged else [])
    if flagged:
        assert findings[0]["params"]["days"] == 180
        assert findings[0]["params"]["assignment_date"] == assigned.isoformat()


@pytest.mark.django_db
def test_preview_empty_registry_as_before(reference_data, document):
    assert _registry_findings(screening_preview(document)) == []


@pytest.mark.django_db
def test_preview_uses_imported_registry(reference_data, document):
    corporate_numbers_import([io.BytesIO((DATA / "nta_full.csv").read_bytes())])
    assert _registry_findings(screening_preview(document)) == []
    document["end_user"]["corporate_number"] = "7123456789012"
    findings = _registry_findings(screening_preview(document))
    assert [(f["rule"], f["evidence"]) for f in findings] == [
        ("registry.not_registered", "7123456789012")
    ]


@pytest.mark.django_db
def test_preview_closed_after_diff(reference_data, document):
    for name in ("nta_full.csv", "nta_diff.csv"):
        corporate_numbers_import([io.BytesIO((DATA / name).read_bytes())])
    findings = _registry_findings(screening_preview(document))
    assert [(f["rule"], f["field"]) for f in findings] == [
        ("registry.closed", "end_user.corporate_number")
    ]
