"""Registry rules: a party's corporate number against the National Tax Agency's data.

The caller passes the registry rows of the numbers in the document. It passes
no registry at all while none has been imported, and then these rules stay
silent, because an empty registry would make every number look unregistered.
"""

import datetime
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from .corporate_number import is_valid_corporate_number, normalise_corporate_number
from .findings import make_finding
from .names import compare_names
from .normalise import name_forms
from .ruleset import Ruleset
from .types import Finding, RegistryRecord

CATEGORY = "military_capability"
_PARTY_NAME_FIELDS = ("name", "name_local")


def _party_label(path: str) -> str:
    return path.split("[")[0].replace("_", " ")


def _is_latin(name: str) -> bool:
    return unicodedata.normalize("NFKC", name).isascii()


def _names_match(party_name: str, registered_names: Sequence[str], ruleset: Ruleset) -> bool:
    rules = ruleset.names
    registered_forms = [form for name in registered_names for form in name_forms(name, rules)]
    return any(
        compare_names(query, entry, rules) is not None
        for query in name_forms(party_name, rules)
        for entry in registered_forms
    )


def name_mismatch(party: dict[str, Any], record: RegistryRecord, ruleset: Ruleset) -> bool:
    """Tell whether none of the party's names matches the registered names in the same script.

    A Latin party name is compared with the registered English name, any other
    with the registered name and its furigana. When no pair shares a script
    (a Latin-only party and no English name on record), nothing can be compared
    and this returns False.
    """
    latin = [record.en_name] if record.en_name.strip() else []
    local = [name for name in (record.name, record.furigana) if name.strip()]
    compared = False
    for key in _PARTY_NAME_FIELDS:
        name = str(party.get(key) or "").strip()
        if not name:
            continue
        registered = latin if _is_latin(name) else local
        if not registered:
            continue
        compared = True
        if _names_match(name, registered, ruleset):
            return False
    return compared


def _party_findings(
    path: str,
    party: dict[str, Any],
    number: str,
    record: RegistryRecord | None,
    ruleset: Ruleset,
    today: datetime.date,
) -> list[Finding]:
    name = str(party.get("name_local") or party.get("name") or "")
    params: dict[str, Any] = {"party": _party_label(path), "name": name, "number": number}
    field = f"{path}.corporate_number"

    def finding(rule: str, **extra: Any) -> Finding:
        return make_finding(
            rule, CATEGORY, ruleset.points[rule], field, number, {**params, **extra}, party=path
        )

    if record is None:
        return [finding("registry.not_registered")]
    findings = []
    if name_mismatch(party, record, ruleset):
        findings.append(finding("registry.name_mismatch", registered_name=record.name))
    if record.close_date is not None:
        findings.append(
            finding(
                "registry.closed",
                close_date=record.close_date.isoformat(),
                close_cause=record.close_cause or "-",
            )
        )
    days = ruleset.thresholds["registry.new_company_days"]
    if record.assignment_date is not None and (today - record.assignment_date).days < days:
        findings.append(
            finding(
                "registry.new_company",
                assignment_date=record.assignment_date.isoformat(),
                days=days,
            )
        )
    return findings


def analyse_registry(
    parties: Sequence[tuple[str, dict[str, Any]]],
    registry: Mapping[str, RegistryRecord],
    ruleset: Ruleset,
    today: datetime.date,
) -> list[Finding]:
    """Check each party's valid corporate number against the registry rows passed in.

    `registry` maps normalised 13-digit numbers to their records; a number
    missing from it counts as not registered. Invalid numbers are left to
    document validation.
    """
    findings: list[Finding] = []
    for path, party in parties:
        number = normalise_corporate_number(str(party.get("corporate_number") or ""))
        if not is_valid_corporate_number(number):
            continue
        findings.extend(_party_findings(path, party, number, registry.get(number), ruleset, today))
    return findings


def document_corporate_numbers(parties: Sequence[tuple[str, dict[str, Any]]]) -> set[str]:
    """Return the normalised valid corporate numbers of the screened parties."""
    numbers = set()
    for _, party in parties:
        number = normalise_corporate_number(str(party.get("corporate_number") or ""))
        if is_valid_corporate_number(number):
            numbers.add(number)
    return numbers
