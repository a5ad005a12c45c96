"""Plain data that goes into and comes out of the screening engine.

The engine imports nothing from Django: callers turn database rows into these
dataclasses and store the plain dict that `screen_document` returns.
"""

import dataclasses
import datetime
import hashlib
import json
from dataclasses import dataclass
from typing import Any, Literal

CATEGORY_KEYS = ("military_end_user", "military_end_use", "military_capability")
BANDS = ("clear", "review", "high", "prohibited")
LIST_KINDS = (
    "military_end_user",
    "control_list",
    "unreliable_entity",
    "watch_list",
    "defense_industry",
)
# An entry of one of these kinds is the prohibited party itself.
PROHIBITING_LIST_KINDS = ("military_end_user", "control_list", "unreliable_entity")

Band = Literal["clear", "review", "high", "prohibited"]


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One row of a watchlist, as imported from the watchlist CSV."""

    entry_id: str
    name: str
    list_kind: str
    aliases: tuple[str, ...] = ()
    country: str = ""
    corporate_number: str = ""
    address: str = ""
    notes: str = ""

    def content_hash(self) -> str:
        """Return a SHA-256 hex digest of what identifies the listed entity.

        It covers name, aliases (as a set), corporate number and list kind, so
        a change to any of them ends clearances recorded against the entry.
        Address, country and notes are left out.
        """
        content = [self.name, sorted(self.aliases), self.corporate_number, self.list_kind]
        canonical = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class WatchlistSnapshot:
    """All entries of one version of one list."""

    slug: str
    version: int
    entries: tuple[ListEntry, ...]


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """A controlled item family of China's dual-use list, with what makes it sensitive."""

    code: str
    name: str
    terms: tuple[str, ...] = ()
    hs_codes: tuple[str, ...] = ()
    sensitivity: int = 1
    military_applications: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Clearance:
    """A reviewer's decision that a list match on a party is a false positive."""

    list_slug: str
    entry_id: str
    party_name: str
    reason: str
    cleared_by: str
    cleared_at: str
    # ListEntry.content_hash() when the entry was cleared; empty applies to any content.
    entry_hash: str = ""


@dataclass(frozen=True, slots=True)
class RegistryRecord:
    """A corporation in the National Tax Agency's corporate-number data."""

    corporate_number: str
    name: str
    en_name: str = ""
    furigana: str = ""
    kind: str = ""
    close_date: datetime.date | None = None
    close_cause: str = ""
    assignment_date: datetime.date | None = None


@dataclass(slots=True)
class Finding:
    """One rule firing on one field."""

    rule: str
    category: str
    points: int
    field: str
    evidence: str
    message: str
    # dataclasses.field, because the name `field` is taken by the attribute above.
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    entry: dict[str, Any] | None = None
    cleared: dict[str, Any] | None = None
    prohibits: bool = False
    # The lowest band this finding allows while it is not cleared (a watch-list match forces high).
    min_band: str = "clear"
    # Path of the party the finding is about ("end_user", "intermediaries[1]"), for clearances.
    party: str = ""
    # The clearance that no longer applies because the list entry changed since it was recorded.
    clearance_lapsed: dict[str, Any] | None = None
