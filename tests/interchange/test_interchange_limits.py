"""Documents that would not fit the database are rejected by field, not stored half-way."""

import pytest
from django.utils import translation

from certificates import demo
from certificates.interchange import InterchangeError, load_document, validate_document


@pytest.fixture(autouse=True)
def english_messages():
    with translation.override("en"):
        yield


def fields(document: dict) -> set[str]:
    return {error.field for error in validate_document(document)}


def test_long_reference_rejected():
    document = demo.demo_document("R" * 101)
    assert fields(document) == {"reference"}


def test_long_party_name_rejected():
    document = demo.demo_document("T-1")
    document["end_user"]["name_local"] = "株" * 301
    assert fields(document) == {"end_user.name_local"}


def test_huge_quantity_rejected():
    document = demo.demo_document("T-1")
    document["items"][0]["quantity"] = 1e20
    assert fields(document) == {"items[0].quantity"}


def test_too_many_decimals_rejected():
    document = demo.demo_document("T-1")
    document["items"][0]["quantity"] = 0.0004
    document["items"][0]["value"] = 10.005
    assert fields(document) == {"items[0].quantity", "items[0].value"}


def test_allowed_decimals_accepted():
    document = demo.demo_document("T-1")
    document["items"][0]["quantity"] = 0.125
    document["items"][0]["value"] = 10.05
    assert validate_document(document) == []


@pytest.mark.parametrize("text", ["A\x00B", "A\ud800B", "A\x07B"])
def test_control_characters_rejected(text):
    document = demo.demo_document("T-1")
    document["end_user"]["name"] = text
    assert fields(document) == {"end_user.name"}


def test_line_breaks_allowed_in_text():
    document = demo.demo_document("T-1")
    document["declared_uses"][0]["description"] = "一行目\n二行目"
    assert validate_document(document) == []


@pytest.mark.parametrize(
    "text",
    [
        '{"quantity": 1e400}',
        "[" * 100_000 + "]" * 100_000,
        '{"n": ' + "9" * 5000 + "}",
    ],
    ids=["infinity", "deep-nesting", "huge-integer"],
)
def test_hostile_json_gives_clear_error(text):
    with pytest.raises(InterchangeError) as error:
        load_document(text)
    assert error.value.errors
