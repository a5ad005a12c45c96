"""Parsing of the watchlist CSV interchange format."""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

from screening.engine.corporate_number import is_valid_corporate_number, normalise_corporate_number
from screening.engine.types import LIST_KINDS, ListEntry

HEADER = ["id", "name", "aliases", "country", "corporate_number", "address", "list_kind", "notes"]


@dataclass(frozen=True)
class CsvError:
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return _("line %(line)s, %(field)s: %(message)s") % {
            "line": self.line,
            "field": self.field,
            "message": self.message,
        }


class WatchlistCsvError(Exception):
    def __init__(self, errors: list[CsvError]) -> None:
        super().__init__("; ".join(str(error) for error in errors[:20]))
        self.errors = errors


def parse_watchlist_csv(data: bytes) -> list[ListEntry]:
    """Parse a whole CSV file; raise WatchlistCsvError listing every bad row."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise WatchlistCsvError(
            [
                CsvError(
                    0,
                    "file",
                    _("The file is not UTF-8 text. Save it as UTF-8 CSV and import it again."),
                )
            ]
        ) from error
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header != HEADER:
        expected = ",".join(HEADER)
        raise WatchlistCsvError(
            [
                CsvError(
                    1, "header", _("The header must be exactly: %(header)s") % {"header": expected}
                )
            ]
        )
    entries: list[ListEntry] = []
    errors: list[CsvError] = []
    seen: set[str] = set()
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        entry, row_errors = _parse_row(line, row, seen)
        errors.extend(row_errors)
        if entry is not None:
            entries.append(entry)
            seen.add(entry.entry_id)
    if errors:
        raise WatchlistCsvError(errors)
    return entries


def _parse_row(
    line: int, row: list[str], seen: set[str]
) -> tuple[ListEntry | None, list[CsvError]]:
    if len(row) != len(HEADER):
        message = _("Expected %(expected)s columns, found %(found)s.") % {
            "expected": len(HEADER),
            "found": len(row),
        }
        return None, [CsvError(line, "row", message)]
    values = dict(zip(HEADER, (cell.strip() for cell in row), strict=True))
    errors = []
    if not values["id"]:
        errors.append(CsvError(line, "id", _("The id is missing.")))
    elif values["id"] in seen:
        errors.append(
            CsvError(line, "id", _("The id %(id)s appears twice.") % {"id": values["id"]})
        )
    if not values["name"]:
        errors.append(CsvError(line, "name", _("The name is missing.")))
    if values["list_kind"] not in LIST_KINDS:
        errors.append(
            CsvError(
                line,
                "list_kind",
                _("Unknown list kind “%(kind)s”. Use one of: %(kinds)s.")
                % {"kind": values["list_kind"], "kinds": ", ".join(LIST_KINDS)},
            )
        )
    number = normalise_corporate_number(values["corporate_number"])
    if number and not is_valid_corporate_number(number):
        errors.append(
            CsvError(
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
