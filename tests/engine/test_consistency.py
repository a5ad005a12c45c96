"""Consistency rules over the whole certificate."""

import datetime

from screening.engine.consistency import analyse_consistency
from screening.engine.ruleset import load_ruleset

from .support import base_document

RULESET = load_ruleset()
TODAY = datetime.date(2026, 3, 1)


def rules_of(document):
    return [finding.rule for finding in analyse_consistency(document, RULESET, TODAY)]


def test_clean_document_has_no_findings():
    assert rules_of(base_document()) == []


def test_quantity_far_above_annual_use():
    document = base_document()
    document["items"][0]["quantity"] = 45000
    findings = analyse_consistency(document, RULESET, TODAY)
    assert [f.rule for f in findings] == ["quantity.exceeds_declared_use"]
    assert findings[0].params["ratio"] == 12.5
    assert findings[0].field == "items[0].quantity"


def test_quantity_converted_between_units():
    document = base_document()
    document["items"][0].update(quantity=20, unit="t")
    assert rules_of(document) == ["quantity.exceeds_declared_use"]
    document["items"][0].update(quantity=3, unit="t")
    assert rules_of(document) == []


def test_quantity_other_unit_not_compared():
    document = base_document()
    document["items"][0].update(quantity=50000, unit="pcs")
    assert rules_of(document) == []


def test_consignee_abroad_is_reexport():
    document = base_document(
        consignee={"name": "Penang Servo Sdn. Bhd.", "country": "MY", "role": "processor"}
    )
    findings = analyse_consistency(document, RULESET, TODAY)
    assert [f.rule for f in findings] == ["route.reexport"]
    assert findings[0].field == "consignee.country"


def test_intermediary_abroad_is_reexport():
    document = base_document(
        intermediaries=[{"name": "A", "country": "JP"}, {"name": "B", "country": "SG"}]
    )
    findings = analyse_consistency(document, RULESET, TODAY)
    assert [f.field for f in findings] == ["intermediaries[1].country"]


def test_destination_outside_japan():
    assert rules_of(base_document(final_destination="TW")) == ["route.destination_not_japan"]


def test_forwarder_end_user_by_business():
    document = base_document()
    document["end_user"] = {
        "name": "Blue Harbor K.K.",
        "business": "国際貨物の利用運送",
        "country": "JP",
    }
    assert "party.end_user_is_intermediary" in rules_of(document)


def test_trading_end_user_by_name():
    document = base_document()
    document["end_user"] = {"name": "Midori Trading Co., Ltd.", "business": "", "country": "JP"}
    assert rules_of(document) == ["party.end_user_is_intermediary"]


def test_forwarder_role_end_user():
    document = base_document()
    document["end_user"]["role"] = "freight_forwarder"
    findings = analyse_consistency(document, RULESET, TODAY)
    assert [f.field for f in findings] == ["end_user.role"]


def test_business_unrelated_to_use():
    document = base_document()
    document["end_user"]["business"] = "食品の卸売"
    findings = analyse_consistency(document, RULESET, TODAY)
    assert [f.rule for f in findings] == ["party.business_mismatch"]
    assert findings[0].points < RULESET.thresholds["review"]


def test_business_matching_use_across_languages():
    document = base_document()
    document["end_user"]["business"] = "釣竿の製造"
    document["declared_uses"][0].update(
        description="ブランクの成形", sector="sporting goods", end_product="fishing rods"
    )
    assert rules_of(document) == []


def test_each_missing_undertaking_fires():
    document = base_document()
    document["undertakings"] = {"no_military_use": True, "no_wmd_use": False}
    findings = analyse_consistency(document, RULESET, TODAY)
    assert [f.field for f in findings] == [
        "undertakings.no_wmd_use",
        "undertakings.no_transfer_without_consent",
        "undertakings.no_reexport_without_consent",
    ]


def test_missing_signatory_name_and_date():
    document = base_document(signatory={"name": "", "title": "取締役"})
    findings = analyse_consistency(document, RULESET, TODAY)
    assert [f.field for f in findings] == ["signatory.name", "signatory.signed_on"]


def test_expired_certificate():
    assert rules_of(base_document(valid_until="2026-02-28")) == ["validity.expired"]


def test_valid_certificate_today():
    assert rules_of(base_document(valid_until="2026-03-01")) == []
