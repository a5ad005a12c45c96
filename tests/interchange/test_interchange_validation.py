"""Validation of `euc/1` documents: samples, every schema error kind and the code checks."""

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation

from certificates import demo
from certificates.interchange import FieldError, load_schema, validate_document
from certificates.interchange.codes import CONTROL_CODE_PATTERN

SAMPLES_DIR = Path(__file__).resolve().parents[3] / "shared" / "samples" / "certificates"
SAMPLE_PATHS = sorted(SAMPLES_DIR.glob("*.json"))


@pytest.fixture(autouse=True)
def english_messages():
    with translation.override("en"):
        yield


@pytest.fixture
def document() -> dict[str, Any]:
    """A valid document with a consignee abroad, written in the project itself."""
    return demo.demo_document(
        "T-REEXPORT",
        consignee={
            "name": "Penang Servo Assembly Sdn. Bhd.",
            "name_local": "",
            "corporate_number": "",
            "country": "MY",
            "address": "",
            "business": "motor assembly",
            "role": "processor",
            "parent": "浜松ドライブシステムズ株式会社",
        },
    )


def errors_by_field(document: object) -> dict[str, str]:
    return {error.field: error.message for error in validate_document(document)}


@pytest.mark.skipif(
    not SAMPLES_DIR.exists(), reason="the shared samples folder is not beside the project"
)
def test_samples_present():
    assert len(SAMPLE_PATHS) == 12


@pytest.mark.parametrize("path", SAMPLE_PATHS, ids=lambda path: path.stem)
def test_sample_is_valid(path: Path):
    assert validate_document(json.loads(path.read_text(encoding="utf-8"))) == []


def test_minimal_document_is_valid():
    minimal = {
        "format": "euc/1",
        "reference": "R-1",
        "importer": {},
        "end_user": {"name_local": "浜松ドライブシステムズ株式会社"},
        "items": [{}],
        "declared_uses": [{}],
        "final_destination": "JP",
    }
    assert validate_document(minimal) == []


def test_missing_undertakings_and_signatory_are_valid(document):
    del document["undertakings"]
    del document["signatory"]
    assert validate_document(document) == []


@pytest.mark.parametrize(
    "field",
    ["format", "reference", "importer", "end_user", "items", "declared_uses", "final_destination"],
)
def test_required_field_missing(document, field):
    del document[field]
    assert errors_by_field(document) == {field: "This field is required."}


def test_unknown_field_top_level(document):
    document["remarks"] = "x"
    assert errors_by_field(document) == {
        "remarks": 'Unknown field "remarks". Remove it or check the spelling.'
    }


def test_unknown_field_nested(document):
    document["end_user"]["nickname"] = "x"
    document["items"][0]["colour"] = "red"
    errors = errors_by_field(document)
    assert (
        errors["end_user.nickname"] == 'Unknown field "nickname". Remove it or check the spelling.'
    )
    assert errors["items[0].colour"] == 'Unknown field "colour". Remove it or check the spelling.'
    assert len(errors) == 2


def test_type_error(document):
    document["items"][0]["quantity"] = "many"
    document["undertakings"]["no_wmd_use"] = "yes"
    errors = errors_by_field(document)
    assert errors["items[0].quantity"].startswith("Enter a number")
    assert errors["undertakings.no_wmd_use"] == "Enter true or false."


def test_boolean_is_not_a_number(document):
    document["items"][0]["quantity"] = True
    assert "items[0].quantity" in errors_by_field(document)


def test_enum_error(document):
    document["consignee"]["role"] = "broker"
    message = errors_by_field(document)["consignee.role"]
    assert '"freight_forwarder"' in message
    assert message.startswith("Enter one of")


def test_const_error(document):
    document["format"] = "euc/2"
    assert errors_by_field(document) == {"format": 'Enter "euc/1" here.'}


def test_min_items_error(document):
    document["items"] = []
    document["declared_uses"] = []
    assert errors_by_field(document) == {
        "declared_uses": "Add at least 1 entry.",
        "items": "Add at least 1 entry.",
    }


def test_min_length_error(document):
    document["reference"] = ""
    assert errors_by_field(document) == {"reference": "This field must not be empty. Fill it in."}


def test_end_user_needs_a_name(document):
    document["end_user"]["name"] = ""
    document["end_user"]["name_local"] = ""
    errors = errors_by_field(document)
    assert list(errors) == ["end_user.name"]
    assert "name_local" in errors["end_user.name"]


def test_end_user_with_local_name_only(document):
    document["end_user"]["name"] = ""
    assert validate_document(document) == []


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("end_user", "corporate_number"), "12345", "13-digit corporate number"),
        (("end_user", "country"), "Japan", "ISO 3166-1"),
        (("final_destination",), "jp", "ISO 3166-1"),
        (("items", 0, "currency"), "dollars", "ISO 4217"),
        (("items", 0, "control_code"), "1X117", "control code"),
        (("items", 0, "hs_code"), "magnets", "HS code"),
    ],
)
def test_pattern_error(document, path, value, expected):
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    field = ".".join(str(part) for part in path).replace(".0.", "[0].")
    errors = errors_by_field(document)
    assert list(errors) == [field]
    assert expected in errors[field]


def test_minimum_error(document):
    document["declared_uses"][0]["annual_quantity"] = -5
    assert errors_by_field(document) == {
        "declared_uses[0].annual_quantity": "Enter a number of at least 0."
    }


@pytest.mark.parametrize("value", ["2026-02-30", "2026/02/12", "12 Feb 2026"])
def test_format_error_for_date(document, value):
    document["signatory"]["signed_on"] = value
    assert errors_by_field(document) == {
        "signatory.signed_on": "Enter a real date as YYYY-MM-DD, such as 2026-01-15."
    }


def test_empty_optional_date_is_valid(document):
    document["signatory"]["signed_on"] = ""
    document["valid_until"] = ""
    assert validate_document(document) == []


def test_invalid_corporate_number_check_digit(document):
    document["end_user"]["corporate_number"] = "5010001234567"
    assert errors_by_field(document) == {
        "end_user.corporate_number": (
            "Enter a valid 13-digit corporate number (法人番号); the check digit does not match. "
            "Copy it again from the National Tax Agency's corporate number site."
        )
    }


def test_invalid_corporate_number_of_intermediary(document):
    document["intermediaries"] = [{"name": "A"}, {"name": "B", "corporate_number": "1030001098766"}]
    assert list(errors_by_field(document)) == ["intermediaries[1].corporate_number"]


def test_unassigned_country_code(document):
    document["consignee"]["country"] = "ZZ"
    document["final_destination"] = "XK"
    errors = errors_by_field(document)
    assert errors["consignee.country"].startswith('"ZZ" is not an ISO 3166-1 country code.')
    assert errors["final_destination"].startswith('"XK" is not an ISO 3166-1 country code.')


def test_unknown_currency_code(document):
    document["items"][0]["currency"] = "ABC"
    assert list(errors_by_field(document)) == ["items[0].currency"]


def test_control_code_with_sub_items_is_valid(document):
    for code in ["1C117", "1C117.d", "3A001.a", "3A001.a.1"]:
        document["items"][0]["control_code"] = code
        assert validate_document(document) == [], code


def test_all_errors_reported_sorted(document):
    for _ in range(11):
        document["items"].append(copy.deepcopy(document["items"][0]))
    document["items"][10]["quantity"] = -1
    document["items"][2]["quantity"] = -1
    document["reference"] = ""
    document["end_user"]["corporate_number"] = "5010001234567"
    fields = [error.field for error in validate_document(document)]
    assert fields == [
        "end_user.corporate_number",
        "items[2].quantity",
        "items[10].quantity",
        "reference",
    ]


def test_top_level_not_an_object():
    errors = validate_document(["euc/1"])
    assert errors == [
        FieldError(
            "", "The document must be a JSON object ({…}) with the fields of the euc/1 format."
        )
    ]


def test_messages_never_show_jsonschema_text(document):
    document["items"][0]["quantity"] = "many"
    document["extra"] = 1
    document["format"] = 2
    for error in validate_document(document):
        assert "is not of type" not in error.message
        assert "was unexpected" not in error.message
        assert "'" not in error.message


def test_schema_control_code_pattern_matches_code_list():
    item = load_schema()["$defs"]["item"]["properties"]
    assert item["control_code"]["pattern"] == f"^({CONTROL_CODE_PATTERN.pattern})?$"
