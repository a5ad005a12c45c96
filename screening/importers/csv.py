"""The product's own watchlist CSV.

Header `id,name,aliases,country,corporate_number,address,list_kind,notes`;
aliases are separated by `|`.
"""

import csv
from typing import BinaryIO

from django.utils.translation import gettext as _

from screening.engine.corporate_number import is_valid_corporate_number, normalise_corporate_number
from screening.engine.types import LIST_KINDS, ListEntry
from screening.importers.errors import RowError, WatchlistImportError
from screening.importers.text import utf8_text

HEADER = ["id", "name", "aliases", "country", "corporate_number", "address", "list_kind", "notes"]


def parse_watchlist_csv(stream: BinaryIO) -> list[ListEntry]:
    """Parse a whole CSV file; raise WatchlistImportError listing every bad row."""
    entries: list[ListEntry] = []
    errors: list[RowError] = []
    seen: set[str] = set()
    with utf8_text(stream) as text:
        reader = csv.reader(text)
        header = next(reader, None)
        if header != HEADER:
            expected = ",".join(HEADER)
            raise WatchlistImportError(
                [
                    RowError(
                        1,
                        "header",
                        _("The header must be exactly: %(header)s") % {"header": expected},
                    )
                ]
            )
        for line, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            entry, row_errors = _parse_row(line, row, seen)
            errors.extend(row_errors)
            if entry is not None:
                entries.append(entry)
                seen.add(entry.entry_id)
    if errors:
        raise WatchlistImportError(errors)
    return entries


def _parse_row(
    line: int, row: list[str], seen: set[str]
) -> tuple[ListEntry | None, list[RowError]]:
    if len(row) != len(HEADER):
        message = _("Expected %(expected)s columns, found %(found)s.") % {
            "expected": len(HEADER),
            "found": len(row),
        }
        return None, [RowError(line, "row", message)]
    values = dict(zip(HEADER, (cell.strip() for cell in row), strict=True))
    errors = []
    if not values["id"]:
        errors.append(RowError(line, "id", _("The id is missing.")))
    elif values["id"] in seen:
        errors.append(
            RowError(line, "id", _("The id %(id)s appears twice.") % {"id": values["id"]})
        )
    if not values["name"]:
        errors.append(RowError(line, "name", _("The name is missing.")))
    if values["list_kind"] not in LIST_KINDS:
        errors.append(
            RowError(
                line,
                "list_kind",
                _("Unknown list kind “%(kind)s”. Use one of: %(kinds)s.")
                % {"kind": values["list_kind"], "kinds": ", ".join(LIST_KINDS)},
            )
        )
    number = normalise_corporate_number(values["corporate_number"])
    if number and not is_valid_corporate_number(number):
        errors.append(
            RowError(
                line,
                "corporate_number",
                _("%(number)s is not a valid corporate number.") % {"number": number},
            )
        )
    if errors:
        return None, errors
    aliases = tuple(alias.strip() for alias in values["aliases"].split("|") if alias.strip())
    return (
        ListEntry(
            entry_id=values["id"],
            name=values["name"],
            list_kind=values["list_kind"],
            aliases=aliases,
            country=values["country"].upper(),
            corporate_number=number,
            address=values["address"],
            notes=values["notes"],
        ),
        [],
    )
