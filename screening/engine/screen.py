"""screen_document: one certificate in, one plain JSON-serialisable result out."""

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from .consistency import analyse_consistency, screened_parties
from .index import ListIndex
from .items import analyse_items
from .parties import analyse_parties
from .registry import analyse_registry
from .ruleset import Ruleset
from .scoring import apply_clearances, band_for, category_scores, current_entry_hashes
from .types import CATEGORY_KEYS, CatalogueEntry, Clearance, Finding, RegistryRecord
from .uses import analyse_uses


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """Return the finding in the result's contract form."""
    result: dict[str, Any] = {
        "rule": finding.rule,
        "points": finding.points,
        "field": finding.field,
        "evidence": finding.evidence,
        "message": finding.message,
        "params": finding.params,
    }
    if finding.entry is not None:
        result["entry"] = finding.entry
    if finding.cleared is not None:
        result["cleared"] = finding.cleared
    if finding.clearance_lapsed is not None:
        result["clearance_lapsed"] = finding.clearance_lapsed
    return result


def screen_document(
    document: dict[str, Any],
    *,
    indexes: Sequence[ListIndex],
    catalogue: Sequence[CatalogueEntry],
    ruleset: Ruleset,
    today: datetime.date,
    clearances: Sequence[Clearance] = (),
    registry: Mapping[str, RegistryRecord] | None = None,
) -> dict[str, Any]:
    """Screen one validated euc/1 document against the lists, catalogue and ruleset.

    `registry` maps the document's corporate numbers to their corporate-number
    records; None (no registry imported) skips the registry rules.
    """
    parties = screened_parties(document)
    findings: list[Finding] = [
        *analyse_parties(parties, indexes, ruleset),
        *analyse_uses(document, ruleset),
        *analyse_items(document, catalogue, ruleset),
        *analyse_consistency(document, ruleset, today),
    ]
    if registry is not None:
        findings.extend(analyse_registry(parties, registry, ruleset, today))
    entry_hashes = current_entry_hashes(findings, clearances, indexes)
    apply_clearances(findings, clearances, document, ruleset, entry_hashes)
    scores = category_scores(findings)
    score = max(scores.values())
    return {
        "reference": str(document.get("reference") or ""),
        "band": band_for(findings, score, ruleset),
        "score": score,
        "categories": {
            key: {
                "score": scores[key],
                "findings": [finding_to_dict(f) for f in findings if f.category == key],
            }
            for key in CATEGORY_KEYS
        },
        "ruleset": ruleset.version,
        "lists": {index.slug: index.version for index in indexes},
    }
