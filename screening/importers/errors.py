"""Errors that the watchlist parsers raise, with the line and field of each bad row."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from screening.engine.types import ListEntry

# The command prints every error, but the exception's own text stays readable.
_ERRORS_IN_MESSAGE = 20


@dataclass(frozen=True)
class RowError:
    """One problem in an imported file; line 0 means the whole file."""

    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return _("line %(line)s, %(field)s: %(message)s") % {
            "line": self.line,
            "field": self.field,
            "message": self.message,
        }


def duplicate_id_error(line: int, entity_id: str) -> RowError:
    return RowError(line, "id", _("The id %(id)s appears twice.") % {"id": entity_id})


@dataclass
class EntryCollector:
    """Entries and errors of one file, with ids kept unique across its rows."""

    entries: list[ListEntry] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    skipped: int = 0

    def add(self, line: int, entry: ListEntry | None, row_errors: list[RowError]) -> None:
        if entry is not None and entry.entry_id in self.seen:
            row_errors = [duplicate_id_error(line, entry.entry_id)]
        self.errors.extend(row_errors)
        if entry is not None and not row_errors:
            self.entries.append(entry)
            self.seen.add(entry.entry_id)

    def result(self) -> list[ListEntry]:
        """Return the entries, or raise WatchlistImportError listing every bad row."""
        if self.errors:
            raise WatchlistImportError(self.errors)
        return self.entries


class WatchlistImportError(Exception):
    """Raised when a watchlist file has bad rows; nothing of the file is stored."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__("; ".join(str(error) for error in errors[:_ERRORS_IN_MESSAGE]))
        self.errors = errors
