"""Ruleset loading and message templates."""

import re

import pytest

from screening.engine import MESSAGES, RULESET_VERSION, load_ruleset
from screening.engine.types import CATEGORY_KEYS


def test_current_ruleset_loads():
    ruleset = load_ruleset()
    assert ruleset.version == RULESET_VERSION
    assert ruleset.thresholds["review"] < ruleset.thresholds["high"]
    assert load_ruleset(RULESET_VERSION) is ruleset


def test_unknown_version_raises():
    with pytest.raises(ValueError, match="not found"):
        load_ruleset("1999.9")


def test_path_like_version_raises():
    with pytest.raises(ValueError):
        load_ruleset("../2026.1")


def test_terms_from_all_languages():
    languages = {term.language for term in load_ruleset().text.military_terms}
    assert languages == {"ja", "en", "zh"}


def test_messages_are_whole_sentences():
    for rule, template in MESSAGES.items():
        assert re.fullmatch(r"[a-z_]+\.[a-z_]+", rule), rule
        assert template.endswith("."), rule
        assert "%s" not in template, rule


def test_points_have_messages():
    ruleset = load_ruleset()
    rules = set(ruleset.points) | set(ruleset.related_points)
    assert rules - set(MESSAGES) == set()


def test_category_keys_fixed():
    assert CATEGORY_KEYS == ("military_end_user", "military_end_use", "military_capability")
