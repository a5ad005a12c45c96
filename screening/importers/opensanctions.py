"""Schemas, topics and identifiers, shared by the two OpenSanctions formats.

Topics map to list kinds as follows; the first rule that applies wins:

- `mil` (military) -> military_end_user
- `sanction`, `sanction.counter` or `export.control` -> control_list
- any other topic (`role.pep`, `sanction.linked`, `debarment`, `export.risk`,
  `crime.*`, `poi` …) or none -> watch_list

`targets.simple.csv` has no topics column, so there an entity with a
non-empty `sanctions` column is control_list and any other is watch_list.

Only organisations are imported (schemas Organization, Company, LegalEntity
and PublicBody). People and every other schema are skipped, because the
parties of a certificate are organisations and person names would only add
false matches.
"""

from collections.abc import Iterable, Sequence

from django.utils.translation import gettext as _

from screening.engine.corporate_number import is_valid_corporate_number, normalise_corporate_number
from screening.engine.types import ListEntry
from screening.importers.errors import RowError

IMPORTED_SCHEMAS = frozenset({"Organization", "Company", "LegalEntity", "PublicBody"})
MILITARY_TOPICS = frozenset({"mil"})
CONTROL_TOPICS = frozenset({"sanction", "sanction.counter", "export.control"})

# Column sizes of WatchlistEntry.
MAX_ID_LENGTH = 100
MAX_NAME_LENGTH = 500
MAX_ADDRESS_LENGTH = 500


def list_kind_for_topics(topics: Iterable[str]) -> str:
    """Return the list kind of an entity with these FollowTheMoney topics."""
    present = set(topics)
    if present & MILITARY_TOPICS:
        return "military_end_user"
    if present & CONTROL_TOPICS:
        return "control_list"
    return "watch_list"


def japanese_corporate_number(identifiers: Iterable[str], countries: Sequence[str]) -> str:
    """Return the first identifier that is a valid 13-digit Japanese corporate number, or "".

    A random 13-digit number passes the check digit one time in nine (a
    Russian OGRN has 13 digits too), so an entity linked only to other
    countries never gets one.
    """
    if countries and "jp" not in {country.lower() for country in countries}:
        return ""
    for value in identifiers:
        number = normalise_corporate_number(value)
        if is_valid_corporate_number(number):
            return number
    return ""


def first_country(countries: Iterable[str]) -> str:
    """Return the first ISO 3166-1 alpha-2 code, upper-case; OpenSanctions also uses longer codes."""
    for country in countries:
        if len(country) == 2 and country.isascii() and country.isalpha():
            return country.upper()
    return ""


def unique_aliases(name: str, candidates: Iterable[str]) -> tuple[str, ...]:
    """Return the distinct non-blank aliases in order, without the main name."""
    aliases: list[str] = []
    for candidate in candidates:
        alias = candidate.strip()
        if alias and alias != name and alias not in aliases:
            aliases.append(alias)
    return tuple(aliases)


def build_entry(
    line: int,
    *,
    entity_id: str,
    names: Sequence[str],
    aliases: Iterable[str],
    countries: Sequence[str],
    addresses: Iterable[str],
    identifiers: Iterable[str],
    notes: str,
    list_kind: str,
) -> tuple[ListEntry | None, list[RowError]]:
    """Check one entity's values and build its ListEntry, or return its errors."""
    errors: list[RowError] = []
    entity_id = entity_id.strip()
    clean_names = [name.strip() for name in names if name.strip()]
    if not entity_id:
        errors.append(RowError(line, "id", _("The id is missing.")))
    elif len(entity_id) > MAX_ID_LENGTH:
        errors.append(
            RowError(
                line,
                "id",
                _("The id is longer than %(max)s characters.") % {"max": MAX_ID_LENGTH},
            )
        )
    if not clean_names:
        errors.append(RowError(line, "name", _("The name is missing.")))
    elif len(clean_names[0]) > MAX_NAME_LENGTH:
        errors.append(
            RowError(
                line,
                "name",
                _("The name is longer than %(max)s characters.") % {"max": MAX_NAME_LENGTH},
            )
        )
    if errors:
        return None, errors
    name = clean_names[0]
    address = "; ".join(value.strip() for value in addresses if value.strip())
    return (
        ListEntry(
            entry_id=entity_id,
            name=name,
            list_kind=list_kind,
            aliases=unique_aliases(name, [*clean_names[1:], *aliases]),
            country=first_country(countries),
            corporate_number=japanese_corporate_number(identifiers, countries),
            # Several addresses joined can exceed the column; the first ones are kept.
            address=address[:MAX_ADDRESS_LENGTH],
            notes=notes,
        ),
        [],
    )
