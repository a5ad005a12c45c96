"""Clean-up of documents typed by people before validation.

Japanese keyboards produce full-width digits and letters (２０２６, ＪＰ) and people write
dates as 2026/01/15 or 2026年1月15日; normalising first lets validation judge the content
rather than the typing.
"""

import re
import unicodedata
from typing import Any

from screening.engine.corporate_number import normalise_corporate_number

DATE_FIELDS = frozenset({"date", "signed_on", "valid_until"})
UPPER_CASE_FIELDS = frozenset({"country", "final_destination", "currency"})
NUMBER_FIELDS = frozenset({"quantity", "value", "annual_quantity"})

# Start years of the Japanese eras a certificate may still carry: 令和 1 is 2019, 平成 1 is 1989.
ERA_START_YEARS = {"令和": 2019, "平成": 1989}

_SEPARATED_DATE = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})")
_KANJI_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ERA_DATE = re.compile(r"(令和|平成)\s*(元|\d{1,2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_NUMBER = re.compile(r"[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?|[0-9]+(\.[0-9]+)?")
_CONTROL_CODE_START = re.compile(r"([0-9])([a-e])([0-9]{3})")


def normalise_document(document: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of `document` with its strings NFKC-normalised and dates made ISO 8601.

    Values that cannot be repaired are kept, so that validation reports them.
    """
    return {key: _normalise_value(key, value) for key, value in document.items()}


def _normalise_value(key: str, value: object) -> Any:
    if isinstance(value, dict):
        return normalise_document(value)
    if isinstance(value, list):
        return [_normalise_value(key, element) for element in value]
    if not isinstance(value, str):
        return value

    text = unicodedata.normalize("NFKC", value).strip()
    if key in DATE_FIELDS:
        return normalise_date(text)
    if key in UPPER_CASE_FIELDS:
        return text.upper()
    if key == "corporate_number":
        return normalise_corporate_number(text)
    if key == "control_code":
        return _CONTROL_CODE_START.sub(lambda match: match.group(0).upper(), text, count=1)
    if key in NUMBER_FIELDS:
        return _parse_number(text)
    return text


def normalise_date(text: str) -> str:
    """Rewrite `2026/1/15`, `2026.1.15`, `2026年1月15日` or `令和8年1月15日` as `2026-01-15`.

    The text must already be NFKC-normalised; anything else is returned unchanged.
    """
    if match := _SEPARATED_DATE.fullmatch(text) or _KANJI_DATE.fullmatch(text):
        numbers = [int(group) for group in match.groups()]
        return f"{numbers[0]:04d}-{numbers[1]:02d}-{numbers[2]:02d}"
    if match := _ERA_DATE.fullmatch(text):
        era, era_year, month, day = match.groups()
        year = ERA_START_YEARS[era] + (1 if era_year == "元" else int(era_year)) - 1
        return f"{year:04d}-{int(month):02d}-{int(day):02d}"
    return text


def _parse_number(text: str) -> int | float | str:
    """Turn `1,200` or `12.5` typed as text into a number; other text is kept for validation."""
    if not _NUMBER.fullmatch(text):
        return text
    plain = text.replace(",", "")
    return float(plain) if "." in plain else int(plain)
