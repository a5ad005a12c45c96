"""Stored screening results, prepared for reading in the user's language."""

import logging
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import get_language, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from screening.engine import MESSAGES
from screening.engine.messages import CLEARANCE_LAPSED_MESSAGE
from screening.models import CatalogueEntry, ScreeningResult

logger = logging.getLogger(__name__)

CATEGORY_LABELS = {
    "military_end_user": _("Military end user"),
    "military_end_use": _("Military end use"),
    "military_capability": _("Enhancement of military capability (catch-all)"),
}


# The engine fills some placeholders with codes (a party's field name, a
# list kind, an undertaking's key); readers see these labels instead.
PARAM_LABELS: dict[str, dict[str, Any]] = {
    "party": {
        "exporter": pgettext_lazy("party in a sentence", "exporter"),
        "importer": pgettext_lazy("party in a sentence", "importer"),
        "end user": pgettext_lazy("party in a sentence", "end user"),
        "consignee": pgettext_lazy("party in a sentence", "consignee"),
        "intermediaries": pgettext_lazy("party in a sentence", "intermediary"),
    },
    "list_kind": {
        "military_end_user": _("military end user"),
        "control_list": _("control list"),
        "unreliable_entity": _("unreliable entity list"),
        "watch_list": _("watch list"),
        "defense_industry": _("defence industry"),
    },
    "undertaking": {
        "no_military_use": _("no military end use"),
        "no_wmd_use": _("no use for weapons of mass destruction"),
        "no_transfer_without_consent": _("no transfer without consent"),
        "no_reexport_without_consent": _("no re-export without consent"),
    },
    "field": {
        "name": pgettext_lazy("signatory field", "name"),
        "title": pgettext_lazy("signatory field", "title"),
        "signed_on": pgettext_lazy("signatory field", "date of signature"),
    },
}


STEP_LABELS = {
    "nfkc": _("Unicode NFKC (full-width and half-width forms)"),
    "diacritics": _("accents removed"),
    "casefold": _("upper and lower case folded"),
    "kana": _("hiragana read as katakana"),
    "chinese_variants": _("simplified and Japanese character variants folded"),
    "legal_form": _("legal form removed"),
    "prefix": _("prefix such as “so-called” removed"),
    "numbers": _("numerals unified"),
    "country_word": _("country name removed"),
    "romanised_from_kanji_reading": _("romanised from the kanji reading"),
    "romanised_from_kana": _("romanised from kana"),
    "pinyin_from_hanzi": _("pinyin of the Chinese characters"),
    "match:exact": _("exact match after normalisation"),
    "match:fuzzy": _("similar spelling"),
    "match:reading": _("same reading"),
    "match:reading_fuzzy": _("similar reading"),
    "match:unit": _("a unit of the listed organisation"),
    "match:corporate_number": _("same corporate number"),
}


def step_label(step: str) -> str:
    """Return a readable name for a normalisation step, marking the list entry's own steps."""
    if step.startswith("entry:"):
        return str(_("list entry: %(step)s") % {"step": step_label(step.removeprefix("entry:"))})
    label = STEP_LABELS.get(step)
    return str(label) if label is not None else step


def _catalogue_name(code: str, fallback: str) -> str:
    """Return the controlled item's name in the reader's language, where the catalogue has one."""
    language = get_language() or ""
    row = CatalogueEntry.objects.filter(code=code).values("name_ja", "name_zh").first()
    if row is None:
        return fallback
    local = (
        row["name_ja"]
        if language.startswith("ja")
        else row["name_zh"]
        if language.startswith("zh")
        else ""
    )
    return local or fallback


def _readable_params(params: dict[str, Any]) -> dict[str, Any]:
    readable = dict(params)
    if isinstance(readable.get("code"), str) and isinstance(readable.get("catalogue_name"), str):
        readable["catalogue_name"] = _catalogue_name(readable["code"], readable["catalogue_name"])
    for key, labels in PARAM_LABELS.items():
        value = readable.get(key)
        if isinstance(value, str) and value in labels:
            readable[key] = str(labels[value])
    return readable


def lapsed_message(finding: dict[str, Any]) -> str:
    """Say, in the reader's language, that an earlier clearance no longer applies; empty when none lapsed."""
    lapsed = finding.get("clearance_lapsed")
    entry = finding.get("entry") or {}
    if not lapsed:
        return ""
    params = {**lapsed, "list": entry.get("list", ""), "id": entry.get("id", "")}
    try:
        return gettext(CLEARANCE_LAPSED_MESSAGE) % params
    except (KeyError, TypeError, ValueError):
        return str(lapsed.get("message", ""))


def finding_message(finding: dict[str, Any]) -> str:
    """Translate a finding's message from its rule code and parameters."""
    template = MESSAGES.get(finding.get("rule", ""))
    if template is None:
        return str(finding.get("message", ""))
    try:
        return gettext(template) % _readable_params(finding.get("params") or {})
    except (KeyError, TypeError, ValueError):
        # A message whose translation lost a placeholder falls back to the
        # engine's own English text rather than failing the page.
        logger.warning("translation of rule %s does not fit its parameters", finding.get("rule"))
        return str(finding.get("message", ""))


@dataclass
class CategoryView:
    key: str
    label: str
    score: int
    findings: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ScreeningView:
    result: ScreeningResult
    categories: list[CategoryView]

    @property
    def band(self) -> str:
        return self.result.band

    @property
    def finding_count(self) -> int:
        return sum(len(category.findings) for category in self.categories)


def screening_for_display(result: ScreeningResult | None) -> ScreeningView | None:
    if result is None:
        return None
    categories = []
    for key, label in CATEGORY_LABELS.items():
        data = result.result.get("categories", {}).get(key, {"score": 0, "findings": []})
        findings = [
            {
                **finding,
                "display_message": finding_message(finding),
                "display_steps": [
                    step_label(step) for step in (finding.get("entry") or {}).get("steps", [])
                ],
                "display_lapsed": lapsed_message(finding),
            }
            for finding in sorted(data["findings"], key=lambda f: -int(f.get("points", 0)))
        ]
        categories.append(
            CategoryView(key=key, label=str(label), score=data["score"], findings=findings)
        )
    return ScreeningView(result=result, categories=categories)
