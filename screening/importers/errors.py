"""Errors that the watchlist parsers raise, with the line and field of each bad row."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

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


class WatchlistImportError(Exception):
    """Raised when a watchlist file has bad rows; nothing of the file is stored."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__("; ".join(str(error) for error in errors[:_ERRORS_IN_MESSAGE]))
        self.errors = errors
