"""Reading `euc/1` documents from JSON text, and normalising what people type."""

import json
from pathlib import Path

import pytest
from django.utils import translation

from certificates import demo
from certificates.interchange import (
    InterchangeError,
    load_document,
    normalise_date,
    normalise_document,
    parse_document,
    validate_document,
)

SAMPLE = (
    Path(__file__).resolve().parents[3] / "shared" / "samples" / "certificates" / "S-01-servo.json"
)


@pytest.fixture(autouse=True)
def english_messages():
    with translation.override("en"):
        yield


@pytest.mark.skipif(
    not SAMPLE.exists(), reason="the shared samples folder is not beside the project"
)
def test_load_sample_bytes():
    document = load_document(SAMPLE.read_bytes())
    assert document["reference"] == "S-01-servo"


def test_load_accepts_byte_order_mark():
    assert load_document("\ufeff{}".encode()) == {}


def test_bad_json_names_line_and_column():
    with pytest.raises(InterchangeError) as raised:
        load_document('{\n  "format": "euc/1"\n  "reference": "R"\n}')
    [error] = raised.value.errors
    assert error.field == ""
    assert "line 3, column 3" in error.message


def test_bytes_not_utf8():
    with pytest.raises(InterchangeError) as raised:
        load_document('{"reference": "関西"}'.encode("shift_jis"))
    assert "UTF-8" in raised.value.errors[0].message


@pytest.mark.parametrize("text", ["[]", '"euc/1"', "3", "null"])
def test_top_level_not_object(text):
    with pytest.raises(InterchangeError) as raised:
        load_document(text)
    assert raised.value.errors[0].message.startswith("The document must be a JSON object")


def test_nan_rejected():
    with pytest.raises(InterchangeError) as raised:
        load_document('{"items": [{"quantity": NaN}]}')
    assert raised.value.errors[0].message.startswith("NaN is not a JSON number.")


def test_duplicate_key_reported_with_path():
    with pytest.raises(InterchangeError) as raised:
        load_document(
            '{"end_user": {"name": "A", "name": "B"}, "items": [{"unit": "kg", "unit": "t"}]}'
        )
    assert [error.field for error in raised.value.errors] == ["end_user.name", "items[0].unit"]


def test_parse_document_reports_all_errors():
    text = json.dumps({"format": "euc/1", "reference": "", "extra": 1})
    with pytest.raises(InterchangeError) as raised:
        parse_document(text)
    fields = [error.field for error in raised.value.errors]
    assert fields == sorted(fields)
    assert {"reference", "extra", "end_user", "items"} <= set(fields)


def test_parse_document_returns_normalised_document():
    document = demo.demo_document("T-PARSE")
    document["signatory"]["signed_on"] = "２０２６年２月１２日"
    assert parse_document(json.dumps(document))["signatory"]["signed_on"] == "2026-02-12"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026/01/15", "2026-01-15"),
        ("2026/1/5", "2026-01-05"),
        ("2026.1.15", "2026-01-15"),
        ("2026-1-15", "2026-01-15"),
        ("2026年1月15日", "2026-01-15"),
        ("2026 年 1 月 15 日", "2026-01-15"),
        ("令和8年1月15日", "2026-01-15"),
        ("令和元年5月1日", "2019-05-01"),
        ("平成31年4月30日", "2019-04-30"),
        ("2026-01-15", "2026-01-15"),
        ("15 January 2026", "15 January 2026"),
    ],
)
def test_normalise_date(typed, expected):
    assert normalise_date(typed) == expected


def test_normalise_full_width_date_field():
    document = normalise_document(
        {"contract": {"date": "２０２６／０１／１５"}, "valid_until": "２０２６年１２月３１日"}
    )
    assert document == {"contract": {"date": "2026-01-15"}, "valid_until": "2026-12-31"}


def test_normalise_impossible_date_left_for_validation():
    document = normalise_document({"valid_until": "2026年2月30日"})
    assert document["valid_until"] == "2026-02-30"
    errors = {error.field for error in validate_document(document)}
    assert "valid_until" in errors


def test_normalise_strings_nfkc_and_whitespace():
    document = normalise_document(
        {
            "reference": "　ＲＥＦ－００１ ",
            "end_user": {
                "name": " Ｈａｍａｍａｔｓｕ Ｄｒｉｖｅ ",
                "corporate_number": "４０１０－００１２－３４５６７",
            },
            "final_destination": "ｊｐ",
            "items": [
                {
                    "currency": "usd",
                    "control_code": "1c117.d",
                    "quantity": "１，２００",
                    "value": "12.5",
                }
            ],
        }
    )
    assert document["reference"] == "REF-001"
    assert document["end_user"] == {"name": "Hamamatsu Drive", "corporate_number": "4010001234567"}
    assert document["final_destination"] == "JP"
    assert document["items"][0] == {
        "currency": "USD",
        "control_code": "1C117.d",
        "quantity": 1200,
        "value": 12.5,
    }


def test_normalise_keeps_non_numbers_for_validation():
    document = normalise_document({"items": [{"quantity": "約300kg"}]})
    assert document["items"][0]["quantity"] == "約300kg"


def test_normalise_does_not_change_input():
    original = {"end_user": {"name": "Ａ"}}
    normalise_document(original)
    assert original == {"end_user": {"name": "Ａ"}}


@pytest.mark.skipif(
    not SAMPLE.exists(), reason="the shared samples folder is not beside the project"
)
def test_normalised_samples_stay_valid():
    paths = sorted(SAMPLE.parent.glob("*.json"))
    assert paths
    for path in paths:
        document = normalise_document(json.loads(path.read_text(encoding="utf-8")))
        assert validate_document(document) == [], path.name
