"""Words of the report that are built in Python: bilingual headings and finding messages."""

import logging
import re
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.translation import gettext, gettext_noop

logger = logging.getLogger(__name__)

# Section headings are printed in the report's language with the English
# words beside them, so that a reader of either language finds their way.
HEADINGS = {
    "certificate_report": gettext_noop("Audit trail of an end-user certificate"),
    "period_report": gettext_noop("Audit trail of decisions in a period"),
    "summary": gettext_noop("Summary"),
    "version": gettext_noop("Certificate version %(number)s"),
    "parties": gettext_noop("Parties"),
    "items": gettext_noop("Items"),
    "declared_uses": gettext_noop("Declared uses"),
    "undertakings": gettext_noop("Undertakings and signature"),
    "documents": gettext_noop("Documents"),
    "screenings": gettext_noop("Screening results"),
    "decisions": gettext_noop("Decisions"),
    "timeline": gettext_noop("Event timeline"),
    "hash_chain": gettext_noop("Hash chain"),
    "attachment": gettext_noop("Attached data"),
}

CATEGORY_LABELS = {
    "military_end_user": gettext_noop("Military end user"),
    "military_end_use": gettext_noop("Military end use"),
    "military_capability": gettext_noop("Enhancement of military capability"),
}


@dataclass(frozen=True)
class Bilingual:
    """A text in the report's language and in English."""

    local: str
    english: str

    @property
    def shows_english(self) -> bool:
        return self.english != self.local


def bilingual(message: str, **params: object) -> Bilingual:
    """Translate a message into the active language and into English, then fill in params."""
    with translation.override("en"):
        english = gettext(message) % params if params else gettext(message)
    local = gettext(message) % params if params else gettext(message)
    return Bilingual(local=local, english=english)


def headings() -> dict[str, Bilingual]:
    return {key: bilingual(message) for key, message in HEADINGS.items() if "%(" not in message}


def band_label(band: str) -> str:
    from certificates.models import Band

    return str(Band(band).label) if band in Band.values else band


def category_label(key: str) -> str:
    return gettext(CATEGORY_LABELS[key]) if key in CATEGORY_LABELS else key


def finding_message(finding: dict[str, Any]) -> str:
    """Return a finding's message in the active language, as the web pages show it."""
    from screening.presentation import finding_message as translated

    return translated(finding)


_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def css_content(message: str, values: dict[str, str]) -> str:
    """Turn a translated sentence with %(name)s placeholders into a CSS `content` value.

    `values` maps each placeholder to CSS, for example {"page": "counter(page)"},
    so that translators can order the page numbers as their language needs.
    """
    parts: list[str] = []
    position = 0
    for match in _PLACEHOLDER.finditer(message):
        parts.append(_css_string(message[position : match.start()]))
        parts.append(values[match.group(1)])
        position = match.end()
    parts.append(_css_string(message[position:]))
    return " ".join(parts)


def _css_string(text: str) -> str:
    escaped = "".join(
        c if c.isalnum() or c in " -/.:()" or ord(c) > 0x7F else f"\\{ord(c):x} " for c in text
    )
    return f'"{escaped}"'
