"""Errors reported for an interchange document, one per field."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

type PathPart = str | int


@dataclass(frozen=True, order=True)
class FieldError:
    """One problem with one field.

    `field` is a path such as `end_user.corporate_number` or `items[2].quantity`; the empty
    string means the document as a whole. `message` is already translated.
    """

    field: str
    message: str


class InterchangeError(ValueError):
    """Raised when a document cannot be read or is not valid, with every error found."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__(
            "; ".join(f"{error.field or '(document)'}: {error.message}" for error in self.errors)
        )


def format_path(parts: Iterable[PathPart]) -> str:
    """Join path parts into `a.b[2].c`, the form readers see in forms and command output."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def sort_key(path: Sequence[PathPart]) -> tuple[tuple[int, str, int], ...]:
    """Order paths so that `items[2]` comes before `items[10]`."""
    return tuple((0, "", part) if isinstance(part, int) else (1, part, 0) for part in path)
