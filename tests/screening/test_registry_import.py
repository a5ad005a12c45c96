import datetime
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from screening.models import RegisteredCorporation
from screening.services.registry import (
    RegistryImportError,
    corporate_numbers_import,
    detect_encoding,
    registry_records,
)

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


def _import(*names: str):
    return corporate_numbers_import([io.BytesIO((DATA / name).read_bytes()) for name in names])


def test_full_file_utf8():
    report = _import("nta_full.csv")
    assert (report.created, report.updated, report.deleted) == (3, 0, 0)
    assert report.encoding == "utf-8"
    row = RegisteredCorporation.objects.get(corporate_number="4010001234567")
    assert row.name == "浜松ドライブシステムズ株式会社"
    assert row.en_name == "Hamamatsu Drive Systems Co., Ltd."
    assert row.furigana == "ハママツドライブシステムズ"
    assert row.address == "静岡県浜松市中区元城町1番"
    assert row.kind == "301"
    assert row.assignment_date == datetime.date(2015, 10, 5)
    assert row.update_date == datetime.date(2015, 10, 5)
    assert row.close_date is None
    assert row.latest is True


def test_full_file_shift_jis():
    report = _import("nta_full_sjis.csv")
    assert report.encoding == "cp932"
    assert report.created == 3
    row = RegisteredCorporation.objects.get(corporate_number="1030001098765")
    assert row.name == "関西マグネティクス商事株式会社"


def test_first_row_is_data_not_header():
    _import("nta_full.csv")
    assert RegisteredCorporation.objects.filter(corporate_number="1030001098765").exists()


def test_detect_encoding_rewinds():
    stream = io.BytesIO("1,関西".encode("shift_jis"))
    assert detect_encoding(stream) == "cp932"
    assert stream.tell() == 0
    assert detect_encoding(io.BytesIO("1,関西".encode())) == "utf-8"


def test_diff_file_updates_and_deletes():
    _import("nta_full.csv")
    report = _import("nta_diff.csv")
    assert report.created == 1
    assert report.updated == 1
    assert report.deleted == 1
    assert report.skipped_history == 1
    assert not RegisteredCorporation.objects.filter(corporate_number="6100000000001").exists()
    closed = RegisteredCorporation.objects.get(corporate_number="4010001234567")
    assert closed.close_date == datetime.date(2026, 11, 28)
    assert closed.close_cause == "01"
    # The history row (latest 0) with the former name does not overwrite the current one.
    assert closed.name == "浜松ドライブシステムズ株式会社"
    assert RegisteredCorporation.objects.get(corporate_number="2100000000005").kind == "305"


def test_reimport_same_file_updates():
    _import("nta_full.csv")
    report = _import("nta_full.csv")
    assert (report.created, report.updated) == (0, 3)
    assert RegisteredCorporation.objects.count() == 3


def test_invalid_rows_store_nothing():
    bad = io.BytesIO(
        b"1,1234567890123,01,0,2026-01-01,2026-01-01,X,,301,,,,,,,,,,,,,,2026-01-01,1,,,,,,0\n"
        b"2,1030001098765,01,0\n"
        b"3,4010001234567,01,0,2026-13-01,,Y,,301,,,,,,,,,,,,,,,1,,,,,,0\n"
    )
    good = io.BytesIO((DATA / "nta_full.csv").read_bytes())
    with pytest.raises(RegistryImportError) as excinfo:
        corporate_numbers_import([good, bad])
    assert len(excinfo.value.errors) == 3
    assert RegisteredCorporation.objects.count() == 0


def test_command_reports_counts(capsys):
    call_command("import_corporate_numbers", str(DATA / "nta_full.csv"), str(DATA / "nta_diff.csv"))
    output = capsys.readouterr().out
    assert "4 created, 1 updated, 1 deleted, 1 history rows skipped" in output


def test_command_missing_file():
    with pytest.raises(CommandError, match="file not found"):
        call_command("import_corporate_numbers", str(DATA / "missing.csv"))


def test_command_invalid_file(tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text("1,2,3\n", encoding="utf-8")
    with pytest.raises(CommandError, match="1 errors"):
        call_command("import_corporate_numbers", str(path))
    assert len(capsys.readouterr().err.splitlines()) == 1


def test_records_none_while_empty():
    assert registry_records(["4010001234567"]) is None


def test_records_one_query(django_assert_num_queries):
    _import("nta_full.csv")
    with django_assert_num_queries(1):
        records = registry_records(["4010001234567", "7123456789012"])
    assert records is not None
    assert set(records) == {"4010001234567"}
    assert records["4010001234567"].en_name == "Hamamatsu Drive Systems Co., Ltd."
