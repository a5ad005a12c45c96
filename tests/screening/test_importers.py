import io
from pathlib import Path

import pytest

from screening.importers import WatchlistImportError, detect_format, parse_watchlist
from screening.importers.ftm import parse_ftm
from screening.importers.opensanctions import list_kind_for_topics
from screening.importers.opensanctions_csv import parse_opensanctions_csv
from screening.watchlist_csv import WatchlistCsvError, parse_watchlist_csv

DATA = Path(__file__).parent / "data"


def _open(name: str) -> io.BytesIO:
    return io.BytesIO((DATA / name).read_bytes())


def _errors(excinfo: pytest.ExceptionInfo[WatchlistImportError]) -> set[tuple[int, str]]:
    return {(error.line, error.field) for error in excinfo.value.errors}


def test_ftm_imports_organisations_only():
    entries = {entry.entry_id: entry for entry in parse_ftm(_open("entities.ftm.json"))}
    assert set(entries) == {"os-kitakaze", "os-nansei", "os-agency", "os-harbour", "os-vostok"}


def test_ftm_maps_entity_fields():
    entries = {entry.entry_id: entry for entry in parse_ftm(_open("entities.ftm.json"))}
    kitakaze = entries["os-kitakaze"]
    assert kitakaze.name == "Kitakaze Precision Co., Ltd."
    assert kitakaze.aliases == ("北風精密株式会社", "Kitakaze Seimitsu", "KPC")
    assert kitakaze.country == "JP"
    assert kitakaze.corporate_number == "6100000000001"
    assert kitakaze.address == "1-2-3 Kita, Sendai, Miyagi"
    assert "Listed for supplying guidance parts." in kitakaze.notes
    assert "cn_sanctions" in kitakaze.notes


def test_ftm_caption_when_name_missing():
    entries = {entry.entry_id: entry for entry in parse_ftm(_open("entities.ftm.json"))}
    assert entries["os-harbour"].name == "Harbour Holdings"
    assert entries["os-harbour"].country == ""


def test_ftm_topics_to_list_kinds():
    entries = {entry.entry_id: entry for entry in parse_ftm(_open("entities.ftm.json"))}
    assert entries["os-kitakaze"].list_kind == "control_list"
    assert entries["os-nansei"].list_kind == "military_end_user"
    assert entries["os-agency"].list_kind == "control_list"
    assert entries["os-harbour"].list_kind == "watch_list"
    assert entries["os-vostok"].list_kind == "watch_list"


@pytest.mark.parametrize(
    ("topics", "kind"),
    [
        (["mil"], "military_end_user"),
        (["sanction"], "control_list"),
        (["sanction.counter"], "control_list"),
        (["export.control"], "control_list"),
        (["sanction.linked"], "watch_list"),
        (["role.pep"], "watch_list"),
        (["debarment"], "watch_list"),
        ([], "watch_list"),
    ],
)
def test_list_kind_for_topics(topics, kind):
    assert list_kind_for_topics(topics) == kind


def test_ftm_foreign_registration_not_corporate_number():
    # 5100000000002 passes the Japanese check digit, but the entity is Russian.
    entries = {entry.entry_id: entry for entry in parse_ftm(_open("entities.ftm.json"))}
    assert entries["os-vostok"].corporate_number == ""


def test_ftm_invalid_check_digit_ignored():
    line = (
        b'{"id": "x", "schema": "Company", "properties": {"name": ["X"], '
        b'"country": ["jp"], "registrationNumber": ["1234567890123"]}}\n'
    )
    (entry,) = parse_ftm(io.BytesIO(line))
    assert entry.corporate_number == ""


def test_ftm_bad_lines_listed():
    with pytest.raises(WatchlistImportError) as excinfo:
        parse_ftm(_open("bad.ftm.json"))
    assert _errors(excinfo) == {(2, "json"), (3, "name"), (4, "id"), (5, "json")}


def test_ftm_non_utf8_line():
    with pytest.raises(WatchlistImportError) as excinfo:
        parse_ftm(io.BytesIO('{"id": "名"}\n'.encode("shift_jis")))
    assert _errors(excinfo) == {(1, "file")}


def test_opensanctions_csv_good():
    entries = {e.entry_id: e for e in parse_opensanctions_csv(_open("targets.simple.csv"))}
    assert set(entries) == {"os-minami", "os-tokai"}
    minami = entries["os-minami"]
    assert minami.aliases == ("南光学株式会社", "Minami Kogaku")
    assert minami.corporate_number == "4100000000003"
    assert minami.country == "JP"
    assert minami.address == "2-1 Minami, Kobe"
    assert minami.list_kind == "control_list"
    assert "CN MOFCOM control list 2026" in minami.notes
    assert entries["os-tokai"].list_kind == "watch_list"


def test_opensanctions_csv_bad_rows():
    with pytest.raises(WatchlistImportError) as excinfo:
        parse_opensanctions_csv(_open("bad.targets.simple.csv"))
    assert _errors(excinfo) == {(3, "name"), (4, "row")}


def test_opensanctions_csv_wrong_header():
    with pytest.raises(WatchlistImportError) as excinfo:
        parse_opensanctions_csv(io.BytesIO(b"id,schema,name\nx,Company,X\n"))
    assert _errors(excinfo) == {(1, "header")}


def test_csv_still_parses_bytes():
    entries = parse_watchlist_csv((DATA / "watchlist.csv").read_bytes())
    assert [entry.entry_id for entry in entries] == ["W-1", "W-2"]
    assert entries[0].aliases == ("浜松ドライブシステムズ",)


def test_csv_error_alias_catches_new_error():
    with pytest.raises(WatchlistCsvError) as excinfo:
        parse_watchlist_csv(b"id,name\n")
    assert _errors(excinfo) == {(1, "header")}


def test_csv_not_utf8():
    data = (
        "id,name,aliases,country,corporate_number,address,list_kind,notes\n名,名,,,,,watch_list,\n"
    )
    with pytest.raises(WatchlistImportError) as excinfo:
        parse_watchlist_csv(data.encode("shift_jis"))
    assert _errors(excinfo) == {(0, "file")}


def test_csv_field_over_limit():
    header = b"id,name,aliases,country,corporate_number,address,list_kind,notes\n"
    data = header + b"X,Name,,,,,watch_list," + b"n" * 200_000 + b"\n"
    with pytest.raises(WatchlistImportError) as excinfo:
        parse_watchlist_csv(data)
    assert _errors(excinfo) == {(0, "file")}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("entities.ftm.json", "ftm"),
        ("bad.ftm.json", "ftm"),
        ("targets.simple.csv", "opensanctions-csv"),
        ("watchlist.csv", "csv"),
    ],
)
def test_detect_format(name, expected):
    stream = _open(name)
    assert detect_format(stream) == expected
    assert stream.tell() == 0


def test_detect_format_after_bom_and_blank_lines():
    assert detect_format(io.BytesIO(b"\xef\xbb\xbf\n\n{}")) == "ftm"
    assert detect_format(io.BytesIO(b"\xef\xbb\xbfid,schema,name,aliases,x")) == "opensanctions-csv"


def test_parse_watchlist_detects_and_dispatches():
    assert len(parse_watchlist(_open("entities.ftm.json"))) == 5
    assert len(parse_watchlist(_open("targets.simple.csv"))) == 2
    assert len(parse_watchlist(_open("watchlist.csv"))) == 2


def test_parse_watchlist_forced_format_mismatch():
    with pytest.raises(WatchlistImportError) as excinfo:
        parse_watchlist(_open("entities.ftm.json"), "csv")
    assert _errors(excinfo) == {(1, "header")}


def test_parse_watchlist_unknown_format():
    with pytest.raises(ValueError, match="unknown watchlist format"):
        parse_watchlist(_open("watchlist.csv"), "xml")
