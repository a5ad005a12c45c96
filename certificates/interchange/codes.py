"""Code lists and formats that the JSON Schema alone cannot check.

The country and currency lists are copies of ISO 3166-1 alpha-2 and ISO 4217 as published in
the Debian iso-codes package 4.15.0; replace the CSV files to update them.
"""

import csv
import re
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent

# China's dual-use export control list numbers items as a sector digit, an item type A-E and
# three digits, then optional sub-items such as `.d` or `.a.1`. The schema repeats this pattern.
CONTROL_CODE_PATTERN = re.compile(r"[0-9][A-E][0-9]{3}(\.[a-z0-9]+)*")


@cache
def _read_codes(filename: str) -> frozenset[str]:
    with (DATA_DIR / filename).open(encoding="utf-8", newline="") as handle:
        return frozenset(row["code"] for row in csv.DictReader(handle))


def is_country_code(value: str) -> bool:
    """Return whether `value` is an assigned ISO 3166-1 alpha-2 code, in upper case."""
    return value in _read_codes("iso3166-1-alpha2.csv")


def is_currency_code(value: str) -> bool:
    """Return whether `value` is an active ISO 4217 currency code, in upper case."""
    return value in _read_codes("iso4217.csv")
