"""Reading `euc/1` documents from JSON text."""

import json
import math
from typing import Any

from django.utils.translation import gettext as _

from certificates.interchange.errors import FieldError, InterchangeError, PathPart, format_path
from certificates.interchange.messages import not_an_object_message
from certificates.interchange.normalisation import normalise_document
from certificates.interchange.validation import validate_document


class _ObjectWithDuplicates(dict[str, Any]):
    """A JSON object that repeated a key; only the last value is kept, as json does."""

    duplicates: list[str]


class _NonFiniteNumberError(ValueError):
    pass


def _build_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = _ObjectWithDuplicates(pairs)
    seen: set[str] = set()
    duplicates = []
    for key, _value in pairs:
        if key in seen:
            duplicates.append(key)
        seen.add(key)
    result.duplicates = duplicates
    return result


def _reject_constant(name: str) -> None:
    raise _NonFiniteNumberError(name)


def _finite_float(text: str) -> float:
    # 1e400 parses as infinity, which no column can store.
    value = float(text)
    if not math.isfinite(value):
        raise _NonFiniteNumberError(text)
    return value


def load_document(text: str | bytes) -> dict[str, Any]:
    """Parse one document from JSON text (bytes must be UTF-8).

    Raises InterchangeError when the text is not JSON, repeats a key in one object (a second
    `end_user` would hide the first from screening) or is not a JSON object at the top level.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise InterchangeError(
                [FieldError("", _("The file is not UTF-8 text. Save it as UTF-8 and try again."))]
            ) from error
    text = text.removeprefix("\ufeff")

    try:
        document = json.loads(
            text,
            object_pairs_hook=_build_object,
            parse_constant=_reject_constant,
            parse_float=_finite_float,
        )
    except json.JSONDecodeError as error:
        message = _(
            "The text is not valid JSON: the error is at line %(line)d, column %(column)d. Check "
            "that line for a missing comma, quote or bracket."
        ) % {"line": error.lineno, "column": error.colno}
        raise InterchangeError([FieldError("", message)]) from error
    except RecursionError as error:
        message = _("The JSON is nested too deeply to be a euc/1 document.")
        raise InterchangeError([FieldError("", message)]) from error
    except _NonFiniteNumberError as error:
        message = _("%(value)s is not a JSON number. Enter a number or leave the field out.") % {
            "value": str(error)
        }
        raise InterchangeError([FieldError("", message)]) from error
    except ValueError as error:
        # Integers of thousands of digits exceed Python's conversion limit.
        message = _("The file contains a number that is far too long. Check the numbers in it.")
        raise InterchangeError([FieldError("", message)]) from error

    if not isinstance(document, dict):
        raise InterchangeError([FieldError("", not_an_object_message())])

    duplicates = list(_find_duplicates(document, ()))
    if duplicates:
        raise InterchangeError(duplicates)
    return _plain(document)


def parse_document(text: str | bytes) -> dict[str, Any]:
    """Load, normalise and validate one document; raise InterchangeError with all its errors."""
    document = normalise_document(load_document(text))
    errors = validate_document(document)
    if errors:
        raise InterchangeError(errors)
    return document


def _find_duplicates(value: object, path: tuple[PathPart, ...]) -> list[FieldError]:
    errors: list[FieldError] = []
    if isinstance(value, _ObjectWithDuplicates):
        for key in dict.fromkeys(value.duplicates):
            message = _('The field "%(name)s" appears more than once. Keep only one.') % {
                "name": key
            }
            errors.append(FieldError(format_path((*path, key)), message))
    if isinstance(value, dict):
        for key, child in value.items():
            errors.extend(_find_duplicates(child, (*path, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            errors.extend(_find_duplicates(child, (*path, index)))
    return errors


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_plain(child) for child in value]
    return value
