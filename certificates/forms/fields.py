"""Form fields that accept what Japanese users type.

Full-width digits and letters are folded by Unicode NFKC before validation
and storage, and dates may be written 2026/01/15 or 2026年1月15日.
"""

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_DATE = re.compile(r"^\s*(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*日?\s*$")


def nfkc(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip()


def parse_japanese_date(value: str) -> date | None:
    """Parse ISO, slash and 年月日 spellings, full-width digits included; None when not a date."""
    match = _DATE.match(nfkc(value))
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


class NormalisedCharField(forms.CharField):
    def to_python(self, value: Any) -> str | None:
        text = super().to_python(value)
        return nfkc(text) if isinstance(text, str) else text


class NormalisedTextField(NormalisedCharField):
    widget = forms.Textarea(attrs={"rows": 2})

    def to_python(self, value: Any) -> str | None:
        # Keep line breaks in free text; NFKC alone leaves them alone.
        text = forms.CharField.to_python(self, value)
        return unicodedata.normalize("NFKC", text).strip() if isinstance(text, str) else text


class JapaneseDateField(forms.DateField):
    default_error_messages = {
        "invalid": _("Enter a date such as 2026-01-15, 2026/01/15 or 2026年1月15日."),
    }

    def to_python(self, value: Any) -> date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value
        parsed = parse_japanese_date(str(value))
        if parsed is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed


class NormalisedDecimalField(forms.DecimalField):
    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if isinstance(value, str):
            value = nfkc(value).replace(",", "")
        try:
            return super().to_python(value)
        except InvalidOperation as error:  # pragma: no cover - Django raises ValidationError first
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error
