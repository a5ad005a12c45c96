"""Declared-use analysis: military terms, vague uses and military sites."""

import re
from typing import Any

from .findings import make_finding
from .normalise import fold_free_text
from .ruleset import Ruleset, TextRules
from .textscan import find_terms
from .types import Finding

_USE_TEXT_FIELDS = ("description", "end_product", "sector")


def military_term_findings(text: str, field: str, ruleset: Ruleset) -> list[Finding]:
    """Score each military term that is not negated and not part of a civilian compound."""
    rules = ruleset.text
    by_text = {term.text: term for term in rules.military_terms}
    findings = []
    for hit in find_terms(text, tuple(by_text), rules):
        term = by_text[hit.term]
        findings.append(
            make_finding(
                "use.military_term",
                "military_end_use",
                term.weight,
                field,
                text,
                {"term": hit.term},
                prohibits=term.prohibits,
                min_band="prohibited" if term.prohibits else "clear",
            )
        )
    return findings


def is_vague(text: str, rules: TextRules) -> bool:
    """Tell whether a use text is empty or only vague phrases and filler words ("各種用途")."""
    rest = fold_free_text(text)
    if not rest:
        return True
    found = False
    for phrase in rules.vague_uses:
        if phrase in rest:
            if phrase.isascii():
                replaced = re.sub(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])", " ", rest)
            else:
                replaced = rest.replace(phrase, " ")
            found = found or replaced != rest
            rest = replaced
    for filler in rules.vague_fillers:
        if filler.isascii():
            rest = re.sub(rf"(?<![a-z0-9]){re.escape(filler)}(?![a-z0-9])", " ", rest)
        else:
            rest = rest.replace(filler, " ")
    rest = re.sub(r"[\W_]+", "", rest)
    return found and not rest


def vague_use_finding(use: dict[str, Any], index: int, ruleset: Ruleset) -> Finding | None:
    """Flag a declared use whose description and end product both say nothing specific."""
    description = str(use.get("description") or "")
    end_product = str(use.get("end_product") or "")
    rules = ruleset.text
    description_vague = not description.strip() or is_vague(description, rules)
    product_vague = not end_product.strip() or is_vague(end_product, rules)
    if not (description_vague and product_vague):
        return None
    text = description or end_product
    return make_finding(
        "use.vague",
        "military_capability",
        ruleset.points["use.vague"],
        f"declared_uses[{index}].description",
        text,
        {"text": text or "-"},
    )


def military_site_findings(site: str, field: str, ruleset: Ruleset) -> list[Finding]:
    """Flag a site at or next to a base, garrison, range or naval port."""
    findings = []
    for hit in find_terms(site, ruleset.text.military_sites, ruleset.text):
        findings.append(
            make_finding(
                "use.military_site",
                "military_capability",
                ruleset.points["use.military_site"],
                field,
                site,
                {"site": site, "term": hit.term},
            )
        )
        break
    return findings


def analyse_uses(document: dict[str, Any], ruleset: Ruleset) -> list[Finding]:
    """Run every use rule over every declared use of the document."""
    findings: list[Finding] = []
    uses = document.get("declared_uses") or []
    if not uses:
        findings.append(
            make_finding(
                "use.vague",
                "military_capability",
                ruleset.points["use.vague"],
                "declared_uses",
                "",
                {"text": "-"},
            )
        )
    for index, use in enumerate(uses):
        for key in _USE_TEXT_FIELDS:
            text = str(use.get(key) or "")
            if text.strip():
                field = f"declared_uses[{index}].{key}"
                findings.extend(military_term_findings(text, field, ruleset))
        vague = vague_use_finding(use, index, ruleset)
        if vague:
            findings.append(vague)
        site = str(use.get("site") or "")
        if site.strip():
            findings.extend(military_site_findings(site, f"declared_uses[{index}].site", ruleset))
    return findings
