"""Translated messages for JSON Schema errors.

jsonschema's own messages are English and name Python values, so each error kind gets a
sentence of ours that says what to enter instead.
"""

from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from jsonschema import ValidationError

from certificates.interchange.errors import PathPart

type Located = tuple[tuple[PathPart, ...], str]


def _pattern_message(field_name: str) -> str:
    if field_name == "corporate_number":
        return _(
            "Enter the 13-digit corporate number (法人番号) without other characters, "
            "or leave it empty."
        )
    if field_name in {"country", "final_destination"}:
        return _("Enter a two-letter ISO 3166-1 country code in capitals, such as JP or CN.")
    if field_name == "currency":
        return _("Enter a three-letter ISO 4217 currency code in capitals, such as JPY or USD.")
    if field_name == "control_code":
        return _(
            "Enter China's control code as a digit, a capital letter A to E and three digits, "
            "with optional sub-items, such as 1C117 or 3A001.a."
        )
    if field_name == "hs_code":
        return _("Enter the HS code as digits, such as 8505.11 or 8505110000.")
    return _("This value is not in the expected form. Check it against the euc/1 format.")


def _type_message(expected: object) -> str:
    messages = {
        "string": _("Enter text here (a JSON string in quotes)."),
        "number": _("Enter a number without units or quotes, such as 300 or 12.5."),
        "boolean": _("Enter true or false."),
        "object": _("Enter an object with named fields ({…}) here."),
        "array": _("Enter a list ([…]) here."),
    }
    return messages.get(str(expected), _("This value has the wrong type."))


def _describe(error: ValidationError, path: tuple[PathPart, ...]) -> Iterator[Located]:
    kind = error.validator
    # jsonschema types these attributes as possibly unset; a validation
    # error from a real schema always has them.
    expected: Any = error.validator_value
    schema: Any = error.schema
    field_name = next((part for part in reversed(path) if isinstance(part, str)), "")

    if kind == "required":
        instance = error.instance if isinstance(error.instance, dict) else {}
        for name in expected:
            if name not in instance:
                yield (*path, name), _("This field is required.")
    elif kind == "additionalProperties":
        instance = error.instance if isinstance(error.instance, dict) else {}
        known = schema.get("properties", {})
        for name in instance:
            if name not in known:
                yield (
                    (*path, name),
                    _('Unknown field "%(name)s". Remove it or check the spelling.')
                    % {"name": name},
                )
    elif kind == "type":
        yield path, _type_message(expected)
    elif kind == "enum":
        choices = ", ".join(f'"{choice}"' for choice in expected if choice != "")
        yield path, _("Enter one of %(choices)s, or leave it empty.") % {"choices": choices}
    elif kind == "const":
        yield path, _('Enter "%(value)s" here.') % {"value": expected}
    elif kind == "minItems":
        count = int(expected)
        yield (
            path,
            ngettext("Add at least %(count)d entry.", "Add at least %(count)d entries.", count)
            % {"count": count},
        )
    elif kind == "minLength":
        yield path, _("This field must not be empty. Fill it in.")
    elif kind == "pattern":
        yield path, _pattern_message(field_name)
    elif kind == "minimum":
        yield (
            path,
            _("Enter a number of at least %(minimum)s.") % {"minimum": expected},
        )
    elif kind == "maxLength":
        yield (
            path,
            ngettext(
                "This text is too long: enter at most %(limit)d character.",
                "This text is too long: enter at most %(limit)d characters.",
                int(expected),
            )
            % {"limit": int(expected)},
        )
    elif kind == "maximum":
        yield path, _("Enter a number of at most %(maximum)s.") % {"maximum": expected}
    elif kind == "maxItems":
        yield (
            path,
            ngettext(
                "Enter at most %(count)d entry.", "Enter at most %(count)d entries.", int(expected)
            )
            % {"count": int(expected)},
        )
    elif kind == "format":
        yield path, _("Enter a real date as YYYY-MM-DD, such as 2026-01-15.")
    elif kind == "anyOf" and path == ("end_user",):
        # The only anyOf in the schema: an end user needs a name in at least one script.
        yield (
            ("end_user", "name"),
            _(
                "Enter the end user's name in Latin script (name), in its own script "
                "(name_local), or both."
            ),
        )
    else:
        yield path, _("This value is not valid for the euc/1 format.")


def describe_schema_error(error: ValidationError) -> list[Located]:
    """Turn one jsonschema error into (path, translated message) pairs."""
    return list(_describe(error, tuple(error.absolute_path)))


def not_an_object_message() -> str:
    return _("The document must be a JSON object ({…}) with the fields of the euc/1 format.")


def invalid_corporate_number_message() -> str:
    return _(
        "Enter a valid 13-digit corporate number (法人番号); the check digit does not match. "
        "Copy it again from the National Tax Agency's corporate number site."
    )


def unknown_country_message(code: str) -> str:
    return _('"%(code)s" is not an ISO 3166-1 country code. Enter a code such as JP or CN.') % {
        "code": code
    }


def unknown_currency_message(code: str) -> str:
    return _('"%(code)s" is not an ISO 4217 currency code. Enter a code such as JPY or USD.') % {
        "code": code
    }
