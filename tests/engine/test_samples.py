"""Sample certificates screened against the sample watchlists get an allowed band."""

import datetime
import json

import pytest

from screening.engine import build_index, load_ruleset, screen_document

from .support import CATALOGUE, SAMPLES, read_watchlist, rules_fired, sample_certificates

pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="sample folder is absent")
TODAY = datetime.date(2026, 3, 1)


@pytest.fixture(scope="module")
def results():
    indexes = [
        build_index(read_watchlist(path)) for path in sorted((SAMPLES / "watchlists").glob("*.csv"))
    ]
    ruleset = load_ruleset()
    return {
        document["reference"]: screen_document(
            document, indexes=indexes, catalogue=CATALOGUE, ruleset=ruleset, today=TODAY
        )
        for document in sample_certificates()
    }


def test_every_sample_band_allowed(results):
    expected = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
    assert set(results) == set(expected)
    wrong = {
        ref: result["band"]
        for ref, result in results.items()
        if result["band"] not in expected[ref]
    }
    assert wrong == {}


def test_simplified_chinese_end_user_matched(results):
    finding = results["S-12-chinese-simplified-name"]["categories"]["military_end_user"][
        "findings"
    ][0]
    assert finding["entry"]["id"] == "SMP-MEU-005"
    assert "chinese_variants" in finding["entry"]["steps"]


def test_sdf_unit_matched_to_force(results):
    finding = results["S-03-sdf-unit"]["categories"]["military_end_user"]["findings"][0]
    assert finding["entry"]["id"] == "SMP-MEU-004"


def test_negated_sample_has_no_use_finding(results):
    assert "use.military_term" not in rules_fired(results["S-05-negated"])


def test_each_catch_all_sample_names_its_rule(results):
    assert "use.vague" in rules_fired(results["S-06-vague"])
    assert "quantity.exceeds_declared_use" in rules_fired(results["S-07-quantity"])
    assert "route.reexport" in rules_fired(results["S-08-reexport"])
    assert "party.end_user_is_intermediary" in rules_fired(results["S-09-forwarder"])


def test_results_list_versions(results):
    for result in results.values():
        assert result["lists"] == {"fictional_control_list": 1, "japan_military_end_users": 1}
