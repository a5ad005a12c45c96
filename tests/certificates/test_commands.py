import json

import pytest
from django.core.management import call_command

from certificates.models import Certificate
from tests.conftest import SAMPLES

pytestmark = pytest.mark.django_db


def _screen(capsys, *paths: str) -> tuple[int, list[dict], str]:
    code = 0
    try:
        call_command("screen", *paths)
    except SystemExit as exit_info:
        code = int(exit_info.code or 0)
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines() if line.strip()]
    return code, lines, captured.err


@pytest.mark.skipif(
    not SAMPLES.exists(), reason="the shared samples folder is not beside the project"
)
def test_samples_get_expected_bands(reference_data, capsys):
    for path in sorted((SAMPLES / "watchlists").glob("*.csv")):
        call_command("import_watchlist", str(path), "--list", path.stem)
    capsys.readouterr()
    expected = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
    paths = sorted(str(path) for path in (SAMPLES / "certificates").glob("*.json"))
    code, results, _ = _screen(capsys, *paths)
    assert code == 0
    assert len(results) == len(paths)
    for result in results:
        assert result["band"] in expected[result["reference"]], result["reference"]


def test_screen_output_has_contract_keys(reference_data, tmp_path, document, capsys):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code, (result,), _ = _screen(capsys, str(path))
    assert code == 0
    assert set(result) == {"reference", "band", "score", "categories", "ruleset", "lists"}
    assert set(result["categories"]) == {
        "military_end_user",
        "military_end_use",
        "military_capability",
    }
    assert "jp-mod" in result["lists"]
    for category in result["categories"].values():
        for finding in category["findings"]:
            assert {"rule", "points", "field", "evidence", "message"} <= set(finding)


def test_screen_invalid_document_exits_2(reference_data, tmp_path, document, capsys):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(document), encoding="utf-8")
    bad_document = {**document, "colour": "red"}
    bad_document["end_user"] = {**document["end_user"], "corporate_number": "1234567890123"}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(bad_document), encoding="utf-8")
    code, results, errors = _screen(capsys, str(good), str(bad))
    assert code == 2
    assert [result["reference"] for result in results] == [document["reference"]]
    assert "end_user.corporate_number" in errors
    assert "colour" in errors


def test_screen_broken_json_exits_2(reference_data, tmp_path, capsys):
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "euc/1",', encoding="utf-8")
    code, results, errors = _screen(capsys, str(bad))
    assert code == 2
    assert results == []
    assert "broken.json" in errors


def test_import_certificates_stores_submitted(reference_data, tmp_path, document, capsys):
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    call_command("import_certificates", str(path))
    certificate = Certificate.objects.get(reference=document["reference"])
    assert certificate.status == "submitted"
    assert certificate.importer.corporate_number == document["importer"]["corporate_number"]
    assert certificate.screenings.count() == 1


def test_import_watchlist_rejects_bad_rows(db, tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "bad.csv"
    path.write_text(
        "id,name,aliases,country,corporate_number,address,list_kind,notes\n"
        "X-1,Some Entity,,JP,1234567890123,,control_list,\n"
        "X-2,,,JP,,,no_such_kind,\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError):
        call_command("import_watchlist", str(path), "--list", "bad")
    from screening.models import Watchlist

    assert not Watchlist.objects.filter(slug="bad", versions__isnull=False).exists()


def test_load_reference_data_twice_changes_nothing(reference_data, capsys):
    from screening.models import CatalogueEntry, WatchlistVersion

    versions = WatchlistVersion.objects.count()
    entries = CatalogueEntry.objects.count()
    call_command("load_reference_data")
    assert "imported: none" in capsys.readouterr().out
    assert WatchlistVersion.objects.count() == versions
    assert CatalogueEntry.objects.count() == entries


def test_demo_data_covers_states_and_bands(reference_data):
    call_command("load_demo_data")
    statuses = set(Certificate.objects.values_list("status", flat=True))
    bands = set(Certificate.objects.exclude(band="").values_list("band", flat=True))
    assert statuses == {
        "draft",
        "submitted",
        "in_review",
        "info_requested",
        "approved",
        "rejected",
        "flagged",
        "expired",
        "revoked",
    }
    assert bands == {"clear", "review", "high", "prohibited"}
