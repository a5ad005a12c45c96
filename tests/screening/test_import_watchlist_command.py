import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from screening.models import Watchlist, WatchlistEntry, WatchlistVersion
from screening.services import watchlist_import

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


def _import(capsys, name: str, slug: str, *extra: str) -> str:
    call_command("import_watchlist", str(DATA / name), "--list", slug, *extra)
    return capsys.readouterr().out


def test_command_detects_ftm(capsys):
    output = _import(capsys, "entities.ftm.json", "os-ftm")
    assert output.strip() == "os-ftm: version 1, 5 entries"
    entry = WatchlistEntry.objects.get(version__watchlist__slug="os-ftm", entry_id="os-kitakaze")
    assert entry.list_kind == "control_list"
    assert entry.corporate_number == "6100000000001"
    assert entry.aliases == ["北風精密株式会社", "Kitakaze Seimitsu", "KPC"]


def test_command_detects_opensanctions_csv(capsys):
    output = _import(capsys, "targets.simple.csv", "os-simple", "--name", "OpenSanctions")
    assert output.strip() == "os-simple: version 1, 2 entries"
    assert Watchlist.objects.get(slug="os-simple").name == "OpenSanctions"


def test_command_explicit_format(capsys):
    output = _import(capsys, "watchlist.csv", "own", "--format", "csv")
    assert output.strip() == "own: version 1, 2 entries"


def test_command_wrong_format_lists_errors(capsys):
    with pytest.raises(CommandError, match="not imported; 1 errors"):
        _import(capsys, "entities.ftm.json", "wrong", "--format", "opensanctions-csv")
    assert "header" in capsys.readouterr().err
    assert not WatchlistVersion.objects.filter(watchlist__slug="wrong").exists()


def test_command_bad_ftm_rows_on_stderr(capsys):
    with pytest.raises(CommandError, match="4 errors"):
        _import(capsys, "bad.ftm.json", "bad-ftm")
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 4
    assert "bad.ftm.json: " in errors[0]
    assert "json" in errors[0]
    assert not WatchlistVersion.objects.filter(watchlist__slug="bad-ftm").exists()


def test_command_missing_file():
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_watchlist", str(DATA / "missing.json"), "--list", "x")


def test_each_import_new_version(capsys):
    _import(capsys, "targets.simple.csv", "os-simple")
    output = _import(capsys, "entities.ftm.json", "os-simple")
    assert output.strip() == "os-simple: version 2, 5 entries"
    version = Watchlist.objects.get(slug="os-simple").current_version()
    assert version is not None
    assert version.entries.count() == 5


def test_service_skips_unchanged_file():
    data = (DATA / "entities.ftm.json").read_bytes()
    first = watchlist_import(slug="os-ftm", data=data)
    again = watchlist_import(slug="os-ftm", data=data, skip_if_unchanged=True)
    assert first is not None
    assert again is None
    assert WatchlistVersion.objects.filter(watchlist__slug="os-ftm").count() == 1


def test_large_ftm_file_imports_in_batches(tmp_path, capsys, django_assert_max_num_queries):
    # 20,000 lines keep the suite fast; a 100,000-line file took 99 s on a loaded
    # 2-core machine, most of it in json.loads.
    count = 20_000
    path = tmp_path / "large.ftm.json"
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            entity = {
                "id": f"os-{number}",
                "schema": "Company",
                "caption": f"Company {number}",
                "properties": {"name": [f"Company {number}"], "topics": ["sanction"]},
            }
            handle.write(json.dumps(entity) + "\n")
    # 10 inserts of 2,000 rows each, plus a fixed number of list, version and audit queries.
    with django_assert_max_num_queries(40):
        call_command("import_watchlist", str(path), "--list", "large")
    assert capsys.readouterr().out.strip() == f"large: version 1, {count} entries"
    assert WatchlistEntry.objects.filter(version__watchlist__slug="large").count() == count
