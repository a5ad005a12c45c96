"""OpenSanctions' `targets.simple.csv` export.

Header `id,schema,name,aliases,birth_date,countries,addresses,identifiers,
sanctions,phones,emails,dataset,first_seen,last_seen,last_change`; columns
with several values join them with `;`. See screening.importers.opensanctions
for the schemas imported and how the list kind is chosen.
"""

import csv
import logging
from typing import BinaryIO

from django.utils.translation import gettext as _

from screening.engine.types import ListEntry
from screening.importers.errors import EntryCollector, RowError, WatchlistImportError
from screening.importers.opensanctions import IMPORTED_SCHEMAS, build_entry
from screening.importers.text import utf8_text

logger = logging.getLogger(__name__)

HEADER = [
    "id",
    "schema",
    "name",
    "aliases",
    "birth_date",
    "countries",
    "addresses",
    "identifiers",
    "sanctions",
    "phones",
    "emails",
    "dataset",
    "first_seen",
    "last_seen",
    "last_change",
]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def parse_opensanctions_csv(stream: BinaryIO) -> list[ListEntry]:
    """Parse a targets.simple.csv file; raise WatchlistImportError listing every bad row."""
    collected = EntryCollector()
    with utf8_text(stream) as text:
        reader = csv.reader(text)
        header = next(reader, None)
        if header != HEADER:
            raise WatchlistImportError(
                [
                    RowError(
                        1,
                        "header",
                        _("The header must be exactly: %(header)s") % {"header": ",".join(HEADER)},
                    )
                ]
            )
        for row in reader:
            # line_num counts physical lines, so a quoted field with line breaks is reported
            # at the line where its row ends.
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(HEADER):
                message = _("Expected %(expected)s columns, found %(found)s.") % {
                    "expected": len(HEADER),
                    "found": len(row),
                }
                collected.errors.append(RowError(line, "row", message))
                continue
            values = dict(zip(HEADER, row, strict=True))
            if values["schema"].strip() not in IMPORTED_SCHEMAS:
                collected.skipped += 1
                continue
            collected.add(line, *_entry_from_row(line, values))
    entries = collected.result()
    logger.info("OpenSanctions CSV: %d entities read, %d skipped", len(entries), collected.skipped)
    return entries


def _entry_from_row(line: int, values: dict[str, str]) -> tuple[ListEntry | None, list[RowError]]:
    sanctions = _split(values["sanctions"])
    notes = [f"sanctions: {'; '.join(sanctions)}"] if sanctions else []
    if values["dataset"].strip():
        notes.append(f"datasets: {values['dataset'].strip()}")
    return build_entry(
        line,
        entity_id=values["id"],
        names=[values["name"]],
        aliases=_split(values["aliases"]),
        countries=[country.lower() for country in _split(values["countries"])],
        addresses=_split(values["addresses"]),
        identifiers=_split(values["identifiers"]),
        notes="\n".join(notes),
        list_kind="control_list" if sanctions else "watch_list",
    )
