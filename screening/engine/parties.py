"""Party rules: list matches, relations to listed entities and defence business."""

from collections.abc import Sequence
from typing import Any

from .corporate_number import is_valid_corporate_number, normalise_corporate_number
from .findings import make_finding
from .index import ListIndex, NameHit
from .names import strip_generic_tail
from .normalise import name_forms
from .ruleset import Ruleset
from .textscan import find_terms
from .types import PROHIBITING_LIST_KINDS, Finding, ListEntry

_NAME_FIELDS = ("name", "name_local")
# Kinds whose parents, sisters and subsidiaries get a catch-all finding.
_RELATED_KINDS = (*PROHIBITING_LIST_KINDS, "watch_list")


def _party_label(path: str) -> str:
    return path.split("[")[0].replace("_", " ")


def _numbers_conflict(party: dict[str, Any], entry: ListEntry) -> bool:
    """Tell whether party and entry carry different valid corporate numbers.

    Different registry numbers mean different legal persons, however similar the names are.
    """
    mine, theirs = str(party.get("corporate_number") or ""), entry.corporate_number
    return (
        is_valid_corporate_number(mine)
        and is_valid_corporate_number(theirs)
        and normalise_corporate_number(mine) != normalise_corporate_number(theirs)
    )


def _entry_dict(
    index: ListIndex, hit: NameHit | None, entry: ListEntry, number: str = ""
) -> dict[str, Any]:
    if hit is None:
        return {
            "list": index.slug,
            "id": entry.entry_id,
            "name": entry.name,
            "similarity": 1.0,
            "list_kind": entry.list_kind,
            "alias": entry.corporate_number,
            "query_normalised": normalise_corporate_number(number),
            "entry_normalised": normalise_corporate_number(entry.corporate_number),
            "steps": ["corporate_number"],
        }
    return {
        "list": index.slug,
        "id": entry.entry_id,
        "name": entry.name,
        "similarity": hit.match.similarity,
        "list_kind": entry.list_kind,
        "alias": hit.alias,
        "query_normalised": hit.query.compact,
        "entry_normalised": hit.entry_form.compact,
        # The list entry's own steps are marked entry:, so a reviewer sees that
        # the entry side was, say, romanised from its kanji reading.
        "steps": [
            *hit.query.steps,
            *(f"entry:{step}" for step in hit.entry_form.steps),
            f"match:{hit.match.method}",
        ],
    }


def _list_match_finding(
    path: str,
    party: dict[str, Any],
    field: str,
    evidence: str,
    entry_info: dict[str, Any],
    ruleset: Ruleset,
) -> Finding:
    kind = entry_info["list_kind"]
    prohibits = kind in PROHIBITING_LIST_KINDS
    rule = "party.defense_industry" if kind == "defense_industry" else "party.watchlist_match"
    category = "military_end_user" if prohibits else "military_capability"
    min_band = "clear"
    if prohibits:
        min_band = "prohibited"
    elif kind == "watch_list":
        min_band = "high"
    params = {
        "party": _party_label(path),
        "name": evidence,
        "entry_name": entry_info["name"],
        "list": entry_info["list"],
        "list_kind": kind,
        "similarity": entry_info["similarity"],
    }
    return make_finding(
        rule,
        category,
        ruleset.list_match_points[kind],
        field,
        evidence,
        params,
        entry=entry_info,
        prohibits=prohibits,
        min_band=min_band,
        party=path,
    )


def match_party(
    path: str, party: dict[str, Any], index: ListIndex, ruleset: Ruleset
) -> tuple[list[Finding], set[str]]:
    """Return list-match findings of one party against one list, and the matched entry ids."""
    best: dict[str, tuple[float, Finding]] = {}
    number = str(party.get("corporate_number") or "")
    for entry in index.match_corporate_number(number):
        info = _entry_dict(index, None, entry, number)
        finding = _list_match_finding(
            path, party, f"{path}.corporate_number", number, info, ruleset
        )
        # A registry number match outweighs any name score.
        best[entry.entry_id] = (2.0, finding)
    for key in _NAME_FIELDS:
        name = str(party.get(key) or "")
        if not name.strip():
            continue
        for hit in index.match_name(name):
            if _numbers_conflict(party, hit.entry):
                continue
            current = best.get(hit.entry.entry_id)
            if current and current[0] >= hit.match.similarity:
                continue
            info = _entry_dict(index, hit, hit.entry)
            finding = _list_match_finding(path, party, f"{path}.{key}", name, info, ruleset)
            best[hit.entry.entry_id] = (hit.match.similarity, finding)
    return [finding for _, finding in best.values()], set(best)


def _related_finding(
    rule: str,
    path: str,
    field: str,
    evidence: str,
    entry: ListEntry,
    index: ListIndex,
    ruleset: Ruleset,
    parent: str = "",
) -> Finding:
    params = {
        "party": _party_label(path),
        "name": evidence,
        "entry_name": entry.name,
        "list": index.slug,
        "parent": parent or "-",
    }
    return make_finding(
        rule,
        "military_capability",
        ruleset.related_points[rule],
        field,
        evidence,
        params,
        party=path,
    )


def _related_by_name(
    path: str, party: dict[str, Any], index: ListIndex
) -> list[tuple[str, str, str, ListEntry]]:
    """Find parents and namesakes of listed entities, as (rule, field, evidence, entry)."""
    found = []
    rules = index.rules
    for key in _NAME_FIELDS:
        name = str(party.get(key) or "")
        for form in name_forms(name, rules):
            for entry in index.entries_with_parent(name):
                found.append(("party.parent_of_listed", f"{path}.{key}", name, entry))
            stem = strip_generic_tail(form, rules)
            if len(stem) >= rules.related_prefix_min_chars:
                for entry, indexed in index.entries_starting_with(stem):
                    if indexed.form.compact != form.compact and len(stem) in indexed.form.cuts:
                        found.append(("party.parent_of_listed", f"{path}.{key}", name, entry))
            for cut in sorted(form.cuts):
                if 2 <= cut < len(form.compact):
                    for form_id in index.exact.get(form.compact[:cut], ()):
                        entry = index.entries[index.forms[form_id].position]
                        found.append(("party.name_contains_listed", f"{path}.{key}", name, entry))
    return found


def related_findings(
    path: str, party: dict[str, Any], index: ListIndex, ruleset: Ruleset, matched: set[str]
) -> list[Finding]:
    """Return catch-all findings for a parent, sister or namesake of a listed entity.

    These are never list matches. A party that is itself on this list gets none,
    because its list match already covers it.
    """
    if matched:
        return []
    candidates: list[tuple[str, str, str, ListEntry, str]] = []
    parent = str(party.get("parent") or "")
    if parent.strip():
        for hit in index.match_name(parent):
            candidates.append(
                ("party.parent_is_listed", f"{path}.parent", parent, hit.entry, parent)
            )
        for entry in index.entries_with_parent(parent):
            candidates.append(("party.sister_of_listed", f"{path}.parent", parent, entry, parent))
    candidates.extend((*item, "") for item in _related_by_name(path, party, index))
    findings = []
    seen: set[str] = set()
    for rule, field, evidence, entry, parent_name in candidates:
        if entry.entry_id in seen or entry.list_kind not in _RELATED_KINDS:
            continue
        seen.add(entry.entry_id)
        findings.append(
            _related_finding(rule, path, field, evidence, entry, index, ruleset, parent_name)
        )
    return findings


def business_findings(path: str, party: dict[str, Any], ruleset: Ruleset) -> list[Finding]:
    """Flag a party whose stated business mentions defence or military work."""
    business = str(party.get("business") or "")
    hits = find_terms(business, ruleset.text.military_business_terms, ruleset.text)
    if not hits:
        return []
    return [
        make_finding(
            "party.defense_business",
            "military_capability",
            ruleset.points["party.defense_business"],
            f"{path}.business",
            business,
            {"party": _party_label(path), "term": hits[0].term},
            party=path,
        )
    ]


def analyse_parties(
    parties: Sequence[tuple[str, dict[str, Any]]], indexes: Sequence[ListIndex], ruleset: Ruleset
) -> list[Finding]:
    """Run the party rules for every screened party against every list."""
    findings: list[Finding] = []
    for path, party in parties:
        for index in indexes:
            matches, matched = match_party(path, party, index, ruleset)
            findings.extend(matches)
            findings.extend(related_findings(path, party, index, ruleset, matched))
        findings.extend(business_findings(path, party, ruleset))
    return findings
