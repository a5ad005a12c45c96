"""Item catalogue matching."""

import pytest

from screening.engine.items import analyse_items, match_item, normalise_control_code
from screening.engine.ruleset import load_ruleset

from .support import CATALOGUE

RULESET = load_ruleset()


def item(**fields):
    return {"description": "", "control_code": "", "hs_code": "", "specifications": "", **fields}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1C117.d", "1C117.d"),
        ("1c117.D", "1C117.d"),
        ("１Ｃ００４", "1C004"),
        ("3A001.a.1", "3A001.a.1"),
        ("1F117", ""),
        ("C117", ""),
        ("", ""),
    ],
)
def test_control_code_normalised(raw, expected):
    assert normalise_control_code(raw) == expected


def test_control_code_sub_item_matches():
    found = match_item(item(control_code="1C117.c.2"), CATALOGUE)
    assert found is not None
    assert found[0].code == "1C117.c"
    assert found[1] == "control_code"


def test_hs_code_prefix_matches():
    found = match_item(item(hs_code="8505.11.0000"), CATALOGUE)
    assert found is not None
    assert found[0].code == "1C905"
    assert found[1] == "hs_code"


def test_description_term_matches():
    found = match_item(item(description="Samarium cobalt magnets, grade 2:17"), CATALOGUE)
    assert found is not None
    assert found[0].code == "1C902"


def test_japanese_description_matches():
    found = match_item(item(description="タングステン合金ブロック"), CATALOGUE)
    assert found is not None
    assert found[0].code == "1C117.c"


def test_uncontrolled_item_not_matched():
    assert match_item(item(description="Copper wire", hs_code="7408.11"), CATALOGUE) is None


def test_control_code_beats_description():
    found = match_item(
        item(control_code="6A005", description="carbon fibre laser housing"), CATALOGUE
    )
    assert found is not None
    assert found[0].code == "6A005"


def test_points_follow_sensitivity():
    document = {
        "items": [item(description="hull design software"), item(description="carbon fiber tow")]
    }
    findings = analyse_items(document, CATALOGUE, RULESET)
    assert [f.rule for f in findings] == ["item.controlled", "item.controlled"]
    assert findings[0].points == RULESET.item_points_by_sensitivity[4]
    assert findings[1].points == RULESET.item_points_by_sensitivity[2]
    assert findings[0].field == "items[0].description"
    assert "submarine" in findings[0].params["applications"]
