"""Category scores, clearances and the overall band."""

from collections.abc import Mapping, Sequence
from typing import Any

from .index import ListIndex
from .messages import CLEARANCE_LAPSED_MESSAGE
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


def current_entry_hashes(
    findings: Sequence[Finding], clearances: Sequence[Clearance], indexes: Sequence[ListIndex]
) -> dict[tuple[str, str], str]:
    """Return the content hash of each list entry that a finding matched and a clearance names.

    Only clearances that recorded a hash need it, so a screening without them
    scans no list.
    """
    needed = {
        (finding.entry["list"], finding.entry["id"])
        for finding in findings
        if finding.entry is not None
    } & {
        (clearance.list_slug, clearance.entry_id)
        for clearance in clearances
        if clearance.entry_hash
    }
    hashes: dict[tuple[str, str], str] = {}
    for index in indexes:
        ids = {entry_id for slug, entry_id in needed if slug == index.slug}
        if not ids:
            continue
        # NOTE: the index has no lookup by entry id, so this walks the list once.
        for entry in index.entries:
            if entry.entry_id in ids:
                hashes[(index.slug, entry.entry_id)] = entry.content_hash()
    return hashes


def _clearance_info(clearance: Clearance) -> dict[str, Any]:
    return {"by": clearance.cleared_by, "at": clearance.cleared_at, "reason": clearance.reason}


def apply_clearances(
    findings: Sequence[Finding],
    clearances: Sequence[Clearance],
    document: dict[str, Any],
    ruleset: Ruleset,
    entry_hashes: Mapping[tuple[str, str], str] | None = None,
) -> None:
    """Zero the points of each list finding that a reviewer cleared for this entry and party.

    The finding stays in the result with `cleared`, so later readers see the match and the decision.
    A clearance whose recorded entry hash differs from the entry's hash in
    `entry_hashes` has lapsed: the finding keeps its points and gets
    `clearance_lapsed` instead.
    """
    hashes = entry_hashes or {}
    for finding in findings:
        if finding.entry is None or not finding.party:
            continue
        key = (finding.entry["list"], finding.entry["id"])
        party_keys = _party_keys(document, finding.party, ruleset)
        for clearance in clearances:
            if (clearance.list_slug, clearance.entry_id) != key:
                continue
            cleared_keys = {
                form.compact for form in name_forms(clearance.party_name, ruleset.names)
            }
            if not cleared_keys & party_keys:
                continue
            current = hashes.get(key, "")
            if clearance.entry_hash and current and clearance.entry_hash != current:
                lapsed = _clearance_info(clearance)
                lapsed["message"] = CLEARANCE_LAPSED_MESSAGE % {
                    **lapsed,
                    "list": key[0],
                    "id": key[1],
                }
                finding.clearance_lapsed = lapsed
                continue
            finding.points = 0
            finding.cleared = _clearance_info(clearance)
            finding.clearance_lapsed = None
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
