"""OpenSanctions' FollowTheMoney JSON lines: one entity object per line.

Each line is read and parsed on its own, so a file of any length never has
to fit in memory as one document. See screening.importers.opensanctions for
the schemas imported and the mapping of topics to list kinds.
"""

import json
import logging
from typing import Any, BinaryIO

from django.utils.translation import gettext as _

from screening.engine.types import ListEntry
from screening.importers.errors import EntryCollector, RowError
from screening.importers.opensanctions import (
    IMPORTED_SCHEMAS,
    build_entry,
    list_kind_for_topics,
)

logger = logging.getLogger(__name__)

ALIAS_PROPERTIES = ("alias", "weakAlias", "previousName")
# Properties that can carry a Japanese corporate number; the check digit decides.
IDENTIFIER_PROPERTIES = ("registrationNumber", "taxNumber", "idNumber", "ogrnCode", "innCode")


def parse_ftm(stream: BinaryIO) -> list[ListEntry]:
    """Parse FollowTheMoney JSON lines; raise WatchlistImportError listing every bad line."""
    collected = EntryCollector()
    for line, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        entity, error = _load_line(line, raw)
        if error is not None:
            collected.errors.append(error)
            continue
        if entity.get("schema") not in IMPORTED_SCHEMAS:
            collected.skipped += 1
            continue
        collected.add(line, *_entry_from_entity(line, entity))
    entries = collected.result()
    logger.info(
        "FollowTheMoney file: %d entities read, %d skipped", len(entries), collected.skipped
    )
    return entries


def _load_line(line: int, raw: bytes) -> tuple[dict[str, Any], RowError | None]:
    try:
        entity = json.loads(raw)
    except UnicodeDecodeError:
        return {}, RowError(line, "file", _("The line is not UTF-8 text."))
    except json.JSONDecodeError as error:
        return {}, RowError(
            line, "json", _("The line is not valid JSON: %(error)s") % {"error": error.msg}
        )
    if not isinstance(entity, dict):
        return {}, RowError(line, "json", _("The line is not a JSON object."))
    return entity, None


def _strings(properties: dict[str, Any], key: str) -> list[str]:
    """Return a property's string values; FollowTheMoney stores every property as a list."""
    values = properties.get(key)
    if isinstance(values, str):
        return [values]
    if not isinstance(values, list):
        return []
    return [value for value in values if isinstance(value, str)]


def _entry_from_entity(
    line: int, entity: dict[str, Any]
) -> tuple[ListEntry | None, list[RowError]]:
    properties = entity.get("properties")
    if not isinstance(properties, dict):
        return None, [RowError(line, "properties", _("The properties object is missing."))]
    names = _strings(properties, "name")
    caption = entity.get("caption")
    if not names and isinstance(caption, str):
        names = [caption]
    countries = _strings(properties, "country") or _strings(properties, "jurisdiction")
    datasets = entity.get("datasets")
    return build_entry(
        line,
        entity_id=str(entity.get("id") or ""),
        names=names,
        aliases=[alias for key in ALIAS_PROPERTIES for alias in _strings(properties, key)],
        countries=countries,
        addresses=_strings(properties, "address"),
        identifiers=[value for key in IDENTIFIER_PROPERTIES for value in _strings(properties, key)],
        notes=_notes(_strings(properties, "notes"), datasets),
        list_kind=list_kind_for_topics(_strings(properties, "topics")),
    )


def _notes(notes: list[str], datasets: object) -> str:
    lines = [note.strip() for note in notes if note.strip()]
    if isinstance(datasets, list) and datasets:
        lines.append("datasets: " + ", ".join(str(name) for name in datasets))
    return "\n".join(lines)
