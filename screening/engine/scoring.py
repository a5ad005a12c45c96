"""Category scores, clearances and the overall band."""

from collections.abc import Sequence
from typing import Any

from .normalise import name_forms
from .ruleset import Ruleset
from .types import BANDS, CATEGORY_KEYS, Clearance, Finding


def _party_keys(document: dict[str, Any], path: str, ruleset: Ruleset) -> set[str]:
    """Return the compact names of the party at a path such as intermediaries[1]."""
    party: Any = document
    head, _, rest = path.partition("[")
    party = document.get(head)
    if rest:
        try:
            party = (party or [])[int(rest.rstrip("]"))]
        except (IndexError, ValueError, TypeError):
            return set()
    if not isinstance(party, dict):
        return set()
    keys: set[str] = set()
    for key in ("name", "name_local"):
        keys.update(form.compact for form in name_forms(str(party.get(key) or ""), ruleset.names))
    return keys


def apply_clearances(
    findings: Sequence[Finding],
    clearances: Sequence[Clearance],
    document: dict[str, Any],
    ruleset: Ruleset,
) -> None:
    """Zero the points of each list finding that a reviewer cleared for this entry and party.

    The finding stays in the result with `cleared`, so later readers see the match and the decision.
    """
    for finding in findings:
        if finding.entry is None or not finding.party:
            continue
        party_keys = _party_keys(document, finding.party, ruleset)
        for clearance in clearances:
            if (
                clearance.list_slug != finding.entry["list"]
                or clearance.entry_id != finding.entry["id"]
            ):
                continue
            cleared_keys = {
                form.compact for form in name_forms(clearance.party_name, ruleset.names)
            }
            if cleared_keys & party_keys:
                finding.points = 0
                finding.cleared = {
                    "by": clearance.cleared_by,
                    "at": clearance.cleared_at,
                    "reason": clearance.reason,
                }
                break


def category_scores(findings: Sequence[Finding]) -> dict[str, int]:
    """Sum the points per category, capped at 100."""
    totals = dict.fromkeys(CATEGORY_KEYS, 0)
    for finding in findings:
        totals[finding.category] += finding.points
    return {key: min(100, value) for key, value in totals.items()}


def band_for(findings: Sequence[Finding], score: int, ruleset: Ruleset) -> str:
    """Return the highest of the threshold band and every uncleared finding's minimum band."""
    rank = {band: position for position, band in enumerate(BANDS)}
    band = "clear"
    if score >= ruleset.thresholds["high"]:
        band = "high"
    elif score >= ruleset.thresholds["review"]:
        band = "review"
    for finding in findings:
        if finding.cleared is not None:
            continue
        floor = "prohibited" if finding.prohibits else finding.min_band
        if rank[floor] > rank[band]:
            band = floor
    return band
