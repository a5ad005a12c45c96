"""Match item lines to the controlled-item catalogue."""

import re
from collections.abc import Sequence
from typing import Any

from .findings import make_finding
from .normalise import fold_free_text
from .ruleset import Ruleset
from .types import CatalogueEntry, Finding

# China's control codes: sector digit, type letter A-E, three digits, optional .a/.b sub-items.
CONTROL_CODE = re.compile(r"^[0-9][A-E][0-9]{3}(?:\.[A-Za-z0-9]+)*$")
_MIN_HS_DIGITS = 4
_BASIS_ORDER = {"control_code": 0, "hs_code": 1, "description": 2}


def normalise_control_code(code: str) -> str:
    """Return the code as 1C117.d (upper-case stem, lower-case sub-items), or '' if invalid."""
    compact = re.sub(r"\s+", "", fold_free_text(code or "", kana=False))
    if not compact:
        return ""
    stem, _, rest = compact.partition(".")
    normalised = stem.upper() + ("." + rest.lower() if rest else "")
    return normalised if CONTROL_CODE.match(normalised) else ""


def hs_digits(code: str) -> str:
    return re.sub(r"\D", "", fold_free_text(code or ""))


def _codes_overlap(item_code: str, entry_code: str) -> bool:
    # 1C117.d is inside 1C117, and an item declared only as 1C117 may be any of its sub-items.
    return (
        item_code == entry_code
        or item_code.startswith(entry_code + ".")
        or entry_code.startswith(item_code + ".")
    )


def _term_in(text: str, term: str) -> bool:
    folded = fold_free_text(term)
    if not folded:
        return False
    if folded.isascii():
        return (
            re.search(rf"(?<![a-z0-9]){re.escape(folded)}(?:s|es)?(?![a-z0-9])", text) is not None
        )
    return folded in text


def match_item(
    item: dict[str, Any], catalogue: Sequence[CatalogueEntry]
) -> tuple[CatalogueEntry, str, str] | None:
    """Return the best catalogue entry for an item line, the basis and the matched value.

    A control code beats an HS code, which beats description terms; among equal
    bases the more sensitive entry wins.
    """
    code = normalise_control_code(str(item.get("control_code") or ""))
    digits = hs_digits(str(item.get("hs_code") or ""))
    text = fold_free_text(f"{item.get('description') or ''} {item.get('specifications') or ''}")
    matches: list[tuple[CatalogueEntry, str, str]] = []
    for entry in catalogue:
        entry_code = normalise_control_code(entry.code)
        if code and entry_code and _codes_overlap(code, entry_code):
            matches.append((entry, "control_code", code))
            continue
        entry_hs = [hs_digits(hs) for hs in entry.hs_codes]
        hs_hit = next(
            (hs for hs in entry_hs if len(hs) >= _MIN_HS_DIGITS and digits.startswith(hs)), ""
        )
        if digits and hs_hit:
            matches.append((entry, "hs_code", str(item.get("hs_code"))))
            continue
        term = next((term for term in (entry.name, *entry.terms) if _term_in(text, term)), "")
        if term:
            matches.append((entry, "description", term))
    if not matches:
        return None
    return min(matches, key=lambda m: (_BASIS_ORDER[m[1]], -m[0].sensitivity, m[0].code))


def analyse_items(
    document: dict[str, Any], catalogue: Sequence[CatalogueEntry], ruleset: Ruleset
) -> list[Finding]:
    """Score each item line that matches a controlled item, by the entry's sensitivity."""
    findings = []
    scale = ruleset.item_points_by_sensitivity
    for index, item in enumerate(document.get("items") or []):
        found = match_item(item, catalogue)
        if found is None:
            continue
        entry, basis, value = found
        points = scale[max(0, min(entry.sensitivity, len(scale) - 1))]
        item_name = str(item.get("description") or entry.name)
        findings.append(
            make_finding(
                "item.controlled",
                "military_capability",
                points,
                f"items[{index}].{basis}",
                value,
                {
                    "item": item_name,
                    "code": entry.code,
                    "catalogue_name": entry.name,
                    "applications": entry.military_applications.rstrip(". ") or "-",
                    "basis": basis,
                    "sensitivity": entry.sensitivity,
                },
            )
        )
    return findings
