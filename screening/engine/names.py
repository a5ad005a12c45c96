"""Decide whether two normalised names are the same entity.

The decision is deliberately conservative about near-namesakes: a longer name
that merely starts with a listed name (日本電気硝子 and 日本電気) is a
different company unless the rest is a unit or department word, numbers must
agree, and overlap on generic words alone never counts.

Romanised forms (readings of kanji, kana or hanzi) meet written Latin names and
each other through a romaji key that folds spelling variants. Two readings of
ideographs are never compared, because the written names were already compared
and a shared reading of different characters (川崎 and 河崎) is a homophone, not
the same name.
"""

import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .normalise import NameForm, NameRules
from .readings import IDEOGRAPH_READINGS, fold_romaji

_CONNECTIVES = ("ofthe", "of", "the")


@dataclass(frozen=True, slots=True)
class NameMatch:
    """How a query form matched an entry form, with a similarity from 0 to 1."""

    similarity: float
    method: str


# Cached because a common remainder (Trading, 株式会社 left after a cut) recurs
# across candidates, and each call tries every unit word.
@functools.lru_cache(maxsize=16384)
def _strip_units(rest: str, rules: NameRules) -> str:
    """Remove numbers, 第/no markers and unit words from a remainder until nothing else is left."""
    changed = True
    while changed and rest:
        changed = False
        # "dai" and "go" are the romanised 第 and 号 of a reading form.
        stripped = re.sub(r"^(?:第|no|dai)?\d+(?:号|go)?", "", rest)
        if stripped != rest:
            rest, changed = stripped, True
            continue
        for unit in rules.unit_words:
            if rest.startswith(unit):
                rest, changed = rest[len(unit) :], True
                break
    return rest


@functools.lru_cache(maxsize=16384)
def _ends_with_unit(rest: str, rules: NameRules) -> bool:
    for connective in _CONNECTIVES:
        if rest.endswith(connective) and len(rest) > len(connective):
            rest = rest[: -len(connective)]
            break
    return any(rest.endswith(unit) for unit in rules.unit_words)


def unit_match(query: NameForm, entry: NameForm, rules: NameRules, organisation: bool) -> bool:
    """Tell whether the query is a unit of the entry, such as 陸上自衛隊第7師団.

    An organisation (a ministry or armed force) matches any remainder that ends
    with a unit word (海上自衛隊 横須賀地方総監部). A company only matches a
    remainder made of unit words and numbers (Kitakaze Defense Electronics Sendai
    Plant does not, Kitakaze Defense Electronics Plant 2 does), because a
    product word before the unit word usually names a different company.
    """
    q, e = query.compact, entry.compact
    if len(q) <= len(e) or len(e) < 2:
        return False
    if q.startswith(e) and len(e) in query.cuts:
        rest = q[len(e) :]
        if organisation:
            return _ends_with_unit(rest, rules)
        return not _strip_units(rest, rules)
    if q.endswith(e) and (len(q) - len(e)) in query.cuts and organisation:
        # "7th Division, Japan Ground Self-Defense Force" names the unit first.
        return _ends_with_unit(q[: len(q) - len(e)], rules)
    return False


def compare_names(
    query: NameForm, entry: NameForm, rules: NameRules, *, organisation: bool = False
) -> NameMatch | None:
    """Return how the query name matches the entry name, or None if they are different entities."""
    if not query.compact or not entry.compact:
        return None
    romanised = bool(query.reading or entry.reading)
    if romanised:
        if query.reading in IDEOGRAPH_READINGS and entry.reading in IDEOGRAPH_READINGS:
            return None
        # A romanised form is Latin, so a written form in kana or kanji cannot match it.
        if not (query.compact.isascii() and entry.compact.isascii()):
            return None
    if query.compact == entry.compact:
        return NameMatch(1.0, "reading" if romanised else "exact")
    if unit_match(query, entry, rules, organisation):
        return NameMatch(rules.unit_similarity, "unit")
    if not query.core or not entry.core or query.numbers != entry.numbers:
        return None
    if romanised:
        return _compare_romanised(query, entry, rules)
    similarity = max(
        fuzz.ratio(query.compact, entry.compact),
        fuzz.token_sort_ratio(query.spaced, entry.spaced),
    )
    if similarity / 100 < rules.match_threshold:
        return None
    if fuzz.ratio(query.core, entry.core) / 100 < rules.core_threshold:
        return None
    return NameMatch(round(similarity / 100, 4), "fuzzy")


def _compare_romanised(query: NameForm, entry: NameForm, rules: NameRules) -> NameMatch | None:
    """Compare two Latin forms of which at least one is romanised, on their romaji keys.

    Equal keys are a reading match. Otherwise the keys must reach the stricter
    reading_threshold, because romaji of different words is often close
    (denshi and denki) while a real spelling variant folds to the same key.
    """
    query_key, entry_key = fold_romaji(query.compact), fold_romaji(entry.compact)
    if query_key == entry_key:
        return NameMatch(1.0, "reading")
    similarity = fuzz.ratio(query_key, entry_key) / 100
    if similarity < rules.reading_threshold:
        return None
    # Cores come from the keys, because romanised forms split words at morphemes
    # (ju kogyo) while writers join them (jukogyo).
    generic_tail = _generic_tail(rules)
    query_core = generic_tail.sub("", query_key) or query_key
    entry_core = generic_tail.sub("", entry_key) or entry_key
    if fuzz.ratio(query_core, entry_core) / 100 < rules.core_threshold:
        return None
    return NameMatch(round(similarity, 4), "reading_fuzzy")


@functools.lru_cache(maxsize=8)
def _generic_tail(rules: NameRules) -> re.Pattern[str]:
    words = sorted(
        {*rules.generic_cjk, *(word.replace(" ", "") for word in rules.generic_latin)},
        key=lambda word: (-len(word), word),
    )
    return re.compile("(?:" + "|".join(re.escape(word) for word in words) + ")+$")


def strip_generic_tail(form: NameForm, rules: NameRules) -> str:
    """Return the compact name without trailing generic words (三菱重工業 -> 三菱重)."""
    stripped = _generic_tail(rules).sub("", form.compact)
    return stripped or form.compact
