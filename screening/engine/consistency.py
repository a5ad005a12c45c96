"""Consistency rules: quantities, routing, end-user role, undertakings, signature, validity."""

import datetime
import re
from typing import Any

from .findings import make_finding
from .normalise import fold_free_text
from .ruleset import Ruleset
from .textscan import find_terms
from .types import Finding
from .uses import is_vague

UNDERTAKINGS = (
    "no_military_use",
    "no_wmd_use",
    "no_transfer_without_consent",
    "no_reexport_without_consent",
)
_KATAKANA_RUN = re.compile(r"[ァ-ヺー]{3,}")
_KANJI_RUN = re.compile(r"[一-鿿]{2,}")
_LATIN_WORD = re.compile(r"[a-z]{4,}")
# Bigrams that appear in almost any business or use text and say nothing about the trade.
_STOP_BIGRAMS = frozenset(
    {"製造", "使用", "利用", "用途", "産業", "業用", "販売", "開発", "部品", "事業", "製品"}
)
_STOP_WORDS = frozenset({"used", "with", "from", "into", "parts", "products", "manufacturing"})


def _quantity_in_base(value: Any, unit: str, ruleset: Ruleset) -> tuple[float, str] | None:
    """Return the quantity in the unit's base (kg for masses) and the base unit name."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    key = fold_free_text(unit or "")
    factor = ruleset.unit_factors.get(key)
    if factor is None:
        return (number, key) if key else None
    return number * factor, "kg"


def quantity_findings(document: dict[str, Any], ruleset: Ruleset) -> list[Finding]:
    """Flag an item ordered in far more than the declared annual use in the same unit."""
    annual: dict[str, float] = {}
    for use in document.get("declared_uses") or []:
        converted = _quantity_in_base(
            use.get("annual_quantity"), str(use.get("unit") or ""), ruleset
        )
        if converted:
            annual[converted[1]] = annual.get(converted[1], 0.0) + converted[0]
    findings = []
    for index, item in enumerate(document.get("items") or []):
        unit = str(item.get("unit") or "")
        converted = _quantity_in_base(item.get("quantity"), unit, ruleset)
        if not converted or not annual.get(converted[1]):
            continue
        ratio = converted[0] / annual[converted[1]]
        points = 0
        for threshold, tier_points in ruleset.quantity_tiers:
            if ratio > threshold:
                points = tier_points
        if points:
            findings.append(
                make_finding(
                    "quantity.exceeds_declared_use",
                    "military_capability",
                    points,
                    f"items[{index}].quantity",
                    str(item.get("quantity")),
                    {
                        "item": str(item.get("description") or ""),
                        "quantity": item.get("quantity"),
                        "unit": unit,
                        "annual": round(annual[converted[1]], 3),
                        "ratio": round(ratio, 1),
                    },
                )
            )
    return findings


def screened_parties(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Return (path, party) for every party screened as a possible end user; not the exporter."""
    parties = [
        (key, document[key]) for key in ("importer", "end_user", "consignee") if document.get(key)
    ]
    for index, party in enumerate(document.get("intermediaries") or []):
        parties.append((f"intermediaries[{index}]", party))
    return [(path, party) for path, party in parties if isinstance(party, dict)]


def route_findings(document: dict[str, Any], ruleset: Ruleset) -> list[Finding]:
    """Flag a destination outside Japan and a consignee or intermediary in a third country."""
    home = ruleset.home_country
    destination = str(document.get("final_destination") or "").upper()
    findings = []
    if destination and destination != home:
        findings.append(
            make_finding(
                "route.destination_not_japan",
                "military_capability",
                ruleset.points["route.destination_not_japan"],
                "final_destination",
                destination,
                {"destination": destination},
            )
        )
        return findings
    for path, party in screened_parties(document):
        if not path.startswith(("consignee", "intermediaries")):
            continue
        country = str(party.get("country") or "").upper()
        if country and country != home:
            name = str(party.get("name") or party.get("name_local") or "")
            findings.append(
                make_finding(
                    "route.reexport",
                    "military_capability",
                    ruleset.points["route.reexport"],
                    f"{path}.country",
                    country,
                    {
                        "party": path.split("[")[0],
                        "name": name,
                        "country": country,
                        "destination": destination or home,
                    },
                    party=path,
                )
            )
    return findings


def end_user_role_findings(document: dict[str, Any], ruleset: Ruleset) -> list[Finding]:
    """Flag an end user that is a trading company or freight forwarder rather than a user."""
    end_user = document.get("end_user") or {}
    role = str(end_user.get("role") or "")
    name = str(end_user.get("name") or end_user.get("name_local") or "")
    if role in ruleset.intermediary_roles:
        evidence, field, term = role, "end_user.role", role
    else:
        evidence, field, term = "", "", ""
        for key in ("business", "name_local", "name"):
            text = str(end_user.get(key) or "")
            hits = find_terms(
                text, ruleset.text.intermediary_terms, ruleset.text, skip_negated=False
            )
            if hits:
                evidence, field, term = text, f"end_user.{key}", hits[0].term
                break
    if not field:
        return []
    return [
        make_finding(
            "party.end_user_is_intermediary",
            "military_capability",
            ruleset.points["party.end_user_is_intermediary"],
            field,
            evidence,
            {"name": name, "term": term},
            party="end_user",
        )
    ]


def _content_keys(text: str, ruleset: Ruleset) -> set[str]:
    folded = fold_free_text(text)
    keys = {
        f"family:{family}"
        for family, words in ruleset.sector_families.items()
        if any(word in folded for word in words)
    }
    keys.update(run for run in _KATAKANA_RUN.findall(folded))
    for run in _KANJI_RUN.findall(folded):
        keys.update(run[i : i + 2] for i in range(len(run) - 1))
    keys.update(word.rstrip("s") for word in _LATIN_WORD.findall(folded))
    return {key for key in keys if key not in _STOP_BIGRAMS and key not in _STOP_WORDS}


def business_fit_findings(document: dict[str, Any], ruleset: Ruleset) -> list[Finding]:
    """Flag an end user whose stated business shares nothing with any declared use."""
    end_user = document.get("end_user") or {}
    business = str(end_user.get("business") or "")
    if not business.strip():
        return []
    use_text = " ".join(
        str(use.get(key) or "")
        for use in document.get("declared_uses") or []
        for key in ("description", "sector", "end_product")
    )
    if is_vague(use_text, ruleset.text):
        # A vague use already has its own finding and gives nothing to compare with.
        return []
    business_keys = _content_keys(business, ruleset)
    use_keys = _content_keys(use_text, ruleset)
    katakana_overlap = any(
        a in b or b in a
        for a in business_keys
        for b in use_keys
        if _KATAKANA_RUN.fullmatch(a) and _KATAKANA_RUN.fullmatch(b)
    )
    if business_keys & use_keys or katakana_overlap or not use_keys:
        return []
    return [
        make_finding(
            "party.business_mismatch",
            "military_capability",
            ruleset.points["party.business_mismatch"],
            "end_user.business",
            business,
            {"business": business},
            party="end_user",
        )
    ]


def undertaking_findings(document: dict[str, Any], ruleset: Ruleset) -> list[Finding]:
    """Flag each undertaking that is missing or not true."""
    given = document.get("undertakings") or {}
    return [
        make_finding(
            "undertaking.missing",
            "military_capability",
            ruleset.points["undertaking.missing"],
            f"undertakings.{key}",
            str(given.get(key, "")),
            {"undertaking": key},
        )
        for key in UNDERTAKINGS
        if given.get(key) is not True
    ]


def signature_findings(document: dict[str, Any], ruleset: Ruleset) -> list[Finding]:
    """Flag a missing signatory name or signing date."""
    signatory = document.get("signatory") or {}
    return [
        make_finding(
            "signature.missing",
            "military_capability",
            ruleset.points["signature.missing"],
            f"signatory.{key}",
            "",
            {"field": key},
        )
        for key in ("name", "signed_on")
        if not str(signatory.get(key) or "").strip()
    ]


def validity_findings(
    document: dict[str, Any], ruleset: Ruleset, today: datetime.date
) -> list[Finding]:
    """Flag a certificate whose valid_until date is before today."""
    value = str(document.get("valid_until") or "").strip()
    if not value:
        return []
    try:
        valid_until = datetime.date.fromisoformat(value[:10])
    except ValueError:
        return []
    if valid_until >= today:
        return []
    return [
        make_finding(
            "validity.expired",
            "military_capability",
            ruleset.points["validity.expired"],
            "valid_until",
            value,
            {"valid_until": value},
        )
    ]


def analyse_consistency(
    document: dict[str, Any], ruleset: Ruleset, today: datetime.date
) -> list[Finding]:
    """Run every consistency rule over the document."""
    return [
        *quantity_findings(document, ruleset),
        *route_findings(document, ruleset),
        *end_user_role_findings(document, ruleset),
        *business_fit_findings(document, ruleset),
        *undertaking_findings(document, ruleset),
        *signature_findings(document, ruleset),
        *validity_findings(document, ruleset, today),
    ]
