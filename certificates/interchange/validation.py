"""Validation of `euc/1` interchange documents against the schema and the code lists."""

import json
import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, TypeGuard

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from jsonschema import Draft202012Validator

from certificates.interchange.codes import is_country_code, is_currency_code
from certificates.interchange.errors import FieldError, PathPart, format_path, sort_key
from certificates.interchange.messages import (
    Located,
    describe_schema_error,
    invalid_corporate_number_message,
    not_an_object_message,
    unknown_country_message,
    unknown_currency_message,
)
from screening.engine.corporate_number import is_valid_corporate_number

SCHEMA_PATH = Path(__file__).resolve().parent / "euc-1.schema.json"
PARTY_FIELDS = ("exporter", "importer", "end_user", "consignee")


@cache
def load_schema() -> dict[str, Any]:
    """Return the `euc/1` JSON Schema as a dict."""
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


@cache
def _validator() -> Draft202012Validator:
    # The format checker makes "format": "date" an assertion, so 2026-02-30 is an error.
    return Draft202012Validator(load_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def validate_document(document: object) -> list[FieldError]:
    """Return every error in `document`, sorted by field; an empty list means it is valid.

    Run `normalise_document` first: validation reads the document exactly as given.
    """
    if not isinstance(document, dict):
        return [FieldError("", not_an_object_message())]

    located: list[Located] = []
    for error in _validator().iter_errors(document):
        located.extend(describe_schema_error(error))
    located.extend(_check_codes(document))
    located.extend(_check_decimals(document))
    located.extend(_check_characters(document, ()))

    unique = dict.fromkeys(located)
    ordered = sorted(unique, key=lambda pair: (sort_key(pair[0]), pair[1]))
    return [FieldError(format_path(path), message) for path, message in ordered]


def _parties(document: dict[str, Any]) -> Iterator[tuple[tuple[PathPart, ...], dict[str, Any]]]:
    for key in PARTY_FIELDS:
        party = document.get(key)
        if isinstance(party, dict):
            yield (key,), party
    intermediaries = document.get("intermediaries")
    if isinstance(intermediaries, list):
        for index, party in enumerate(intermediaries):
            if isinstance(party, dict):
                yield ("intermediaries", index), party


def _check_codes(document: dict[str, Any]) -> Iterator[Located]:
    """Check codes whose form the schema accepts but whose value may still be wrong.

    Values of the wrong form are skipped here because the schema's pattern reports them.
    """
    for path, party in _parties(document):
        number = party.get("corporate_number")
        if _matches(number, r"[0-9]{13}") and not is_valid_corporate_number(number):
            yield (*path, "corporate_number"), invalid_corporate_number_message()
        country = party.get("country")
        if _matches(country, r"[A-Z]{2}") and not is_country_code(country):
            yield (*path, "country"), unknown_country_message(country)

    destination = document.get("final_destination")
    if _matches(destination, r"[A-Z]{2}") and not is_country_code(destination):
        yield ("final_destination",), unknown_country_message(destination)

    items = document.get("items")
    for index, item in enumerate(items if isinstance(items, list) else []):
        currency = item.get("currency") if isinstance(item, dict) else None
        if _matches(currency, r"[A-Z]{3}") and not is_currency_code(currency):
            yield ("items", index, "currency"), unknown_currency_message(currency)


# Decimal places the database keeps; more would be rounded away silently.
DECIMAL_PLACES = (
    ("items", "quantity", 3),
    ("items", "value", 2),
    ("declared_uses", "annual_quantity", 3),
)


def _check_decimals(document: dict[str, Any]) -> Iterator[Located]:
    for list_name, field, places in DECIMAL_PLACES:
        rows = document.get(list_name)
        if not isinstance(rows, list):
            continue
        for index, row in enumerate(rows):
            value = row.get(field) if isinstance(row, dict) else None
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            exponent = Decimal(repr(value)).normalize().as_tuple().exponent
            if isinstance(exponent, int) and -exponent > places:
                yield (
                    (list_name, index, field),
                    ngettext(
                        "Enter at most %(places)d decimal place.",
                        "Enter at most %(places)d decimal places.",
                        places,
                    )
                    % {"places": places},
                )


def _check_characters(value: object, path: tuple[PathPart, ...]) -> Iterator[Located]:
    """Reject control characters and lone surrogates, which no database column accepts."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _check_characters(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _check_characters(item, (*path, index))
    elif isinstance(value, str) and any(
        (ord(char) < 32 and char not in "\t\n\r") or 0xD800 <= ord(char) <= 0xDFFF for char in value
    ):
        yield path, _("This text contains control characters or invalid Unicode. Type it again.")


def _matches(value: object, pattern: str) -> TypeGuard[str]:
    return isinstance(value, str) and re.fullmatch(pattern, value) is not None
