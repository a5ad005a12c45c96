"""Versioned screening rules, read from the data files under rulesets/<version>/.

Terms, weights, points and thresholds live in data so that a ruleset change is
a new version that old results can still name and reproduce.
"""

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .normalise import NameRules, build_name_rules, fold_free_text, fold_text

RULESET_VERSION = "2026.3"
RULESETS_DIR = Path(__file__).parent / "rulesets"
LANGUAGES = ("ja", "en", "zh")


@dataclass(frozen=True, slots=True)
class Term:
    """A military term with its points; `prohibits` marks a plainly military use."""

    text: str
    weight: int
    prohibits: bool
    language: str


@dataclass(frozen=True, slots=True)
class NegationCue:
    """A negation pattern and the part of its clause that it negates.

    scope is "before" (the terms before the cue, as with a Japanese sentence-final
    使用しません), "after" (the terms after it, as with "not for" or 不用于) or
    "clause" (every term of the clause).
    """

    pattern: re.Pattern[str]
    scope: str


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A marker that takes the term next to it out of what is said (軍事以外, other than).

    side is "after" when the marker follows the term and "before" when it precedes
    the term. An excluded term counts as negated, and as affirmed when a negation
    also covers it (軍事以外の用途は予定していません).
    """

    pattern: re.Pattern[str]
    side: str


@dataclass(frozen=True, slots=True)
class LanguageRules:
    """Negation cues and clause boundaries of one language, folded like the text."""

    language: str
    negations: tuple[NegationCue, ...]
    clause_breaks: re.Pattern[str]
    exclusions: tuple[Exclusion, ...]
    # A Japanese 、 ends a clause after a word of these parts of speech (限定し、,
    # 使用せず、) and lists nouns otherwise (ミサイル、武器). UniDic names them
    # "pos1" or "pos1-pos2".
    comma_break_after: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TextRules:
    """Word lists for free-text analysis, merged over all languages and folded like the text.

    With word_matching, Japanese terms match whole MeCab words and negation cues
    follow the per-language scopes in `languages`. Without it (rulesets before
    2026.2), terms match anywhere in the text and a cue negates its whole clause.
    """

    military_terms: tuple[Term, ...]
    civilian_compounds: tuple[str, ...]
    negations: tuple[re.Pattern[str], ...]
    clause_breaks: re.Pattern[str]
    word_matching: bool
    languages: tuple[LanguageRules, ...]
    vague_uses: tuple[str, ...]
    vague_fillers: tuple[str, ...]
    military_sites: tuple[str, ...]
    military_business_terms: tuple[str, ...]
    intermediary_terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Ruleset:
    """One version of the screening rules."""

    version: str
    thresholds: dict[str, int]
    points: dict[str, int]
    list_match_points: dict[str, int]
    item_points_by_sensitivity: tuple[int, ...]
    quantity_tiers: tuple[tuple[float, int], ...]
    unit_factors: dict[str, float | None]
    intermediary_roles: tuple[str, ...]
    home_country: str
    sector_families: dict[str, tuple[str, ...]]
    organisation_kinds: tuple[str, ...]
    related_points: dict[str, int]
    names: NameRules
    text: TextRules


def _read_json(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _fold_all(words: list[str], *, kana: bool = False) -> tuple[str, ...]:
    # Rules are compared with folded text, so they are folded the same way once here.
    folded = {fold_free_text(word, kana=kana) for word in words if word.strip()}
    return tuple(sorted(folded, key=lambda word: (-len(word), word)))


_SCOPES = ("before", "after", "clause")
_SIDES = ("before", "after")


def _fold_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(fold_text(pattern, kana=False))


def _negation_cue(raw: str | dict[str, str]) -> NegationCue:
    # A bare pattern (the 2026.1 format) negates its whole clause.
    if isinstance(raw, str):
        return NegationCue(_fold_pattern(raw), "clause")
    scope = raw.get("scope", "clause")
    if scope not in _SCOPES:
        raise ValueError(f"negation scope {scope!r} is invalid; use one of {_SCOPES}")
    return NegationCue(_fold_pattern(raw["pattern"]), scope)


def _exclusion(raw: dict[str, str]) -> Exclusion:
    side = raw["side"]
    if side not in _SIDES:
        raise ValueError(f"exclusion side {side!r} is invalid; use one of {_SIDES}")
    return Exclusion(_fold_pattern(raw["pattern"]), side)


def _clause_break_pattern(breaks: list[str]) -> re.Pattern[str]:
    # An empty list must match nothing, not the empty string at every position.
    return re.compile("|".join(re.escape(fold_text(b, kana=False)) for b in breaks) or r"(?!)")


def _language_rules(language: str, data: dict[str, Any]) -> LanguageRules:
    return LanguageRules(
        language=language,
        negations=tuple(_negation_cue(raw) for raw in data.get("negations", [])),
        clause_breaks=_clause_break_pattern(data.get("clause_breaks", [])),
        exclusions=tuple(_exclusion(raw) for raw in data.get("exclusions", [])),
        comma_break_after=tuple(data.get("comma_break_after", [])),
    )


def _build_text_rules(languages: dict[str, dict[str, Any]], word_matching: bool) -> TextRules:
    terms: list[Term] = []
    lists: dict[str, list[str]] = {}
    negations: list[re.Pattern[str]] = []
    breaks: list[str] = []
    keys = (
        "civilian_compounds",
        "vague_uses",
        "vague_fillers",
        "military_sites",
        "military_business_terms",
        "intermediary_terms",
    )
    for language, data in languages.items():
        for raw in data["military_terms"]:
            text = fold_free_text(raw["term"])
            terms.append(Term(text, int(raw["weight"]), bool(raw["prohibits"]), language))
        for key in keys:
            lists.setdefault(key, []).extend(data.get(key, []))
        negations.extend(cue.pattern for cue in map(_negation_cue, data.get("negations", [])))
        breaks.extend(data.get("clause_breaks", []))
    terms.sort(key=lambda term: (-len(term.text), term.text))
    return TextRules(
        military_terms=tuple(terms),
        civilian_compounds=_fold_all(lists["civilian_compounds"]),
        negations=tuple(negations),
        clause_breaks=_clause_break_pattern(breaks),
        word_matching=word_matching,
        languages=tuple(_language_rules(code, data) for code, data in languages.items()),
        vague_uses=_fold_all(lists["vague_uses"]),
        vague_fillers=_fold_all(lists["vague_fillers"]),
        military_sites=_fold_all(lists["military_sites"]),
        military_business_terms=_fold_all(lists["military_business_terms"]),
        intermediary_terms=_fold_all(lists["intermediary_terms"]),
    )


def _word_matching(main: dict[str, Any]) -> bool:
    # "words" (from 2026.2) tokenises Japanese and scopes negation cues. The
    # default "characters" keeps the matching that 2026.1 results were made with.
    mode = main.get("text_matching", "characters")
    if mode not in ("characters", "words"):
        raise ValueError(f"text_matching {mode!r} is invalid; use 'characters' or 'words'")
    return mode == "words"


def load_ruleset(version: str | None = None) -> Ruleset:
    """Load and parse one ruleset version, once per process; None loads RULESET_VERSION.

    Raises ValueError for a version that has no folder under rulesets/.
    """
    return _load_ruleset(version or RULESET_VERSION)


@functools.lru_cache(maxsize=8)
def _load_ruleset(version: str) -> Ruleset:
    folder = RULESETS_DIR / version
    if not re.fullmatch(r"[0-9A-Za-z.\-]+", version) or not folder.is_dir():
        known = sorted(path.name for path in RULESETS_DIR.iterdir() if path.is_dir())
        raise ValueError(f"ruleset version {version!r} not found; known versions: {known}")
    main = _read_json(folder / "ruleset.json")
    languages = {language: _read_json(folder / f"{language}.json") for language in LANGUAGES}
    return Ruleset(
        version=main["version"],
        thresholds=dict(main["thresholds"]),
        points=dict(main["points"]),
        list_match_points=dict(main["list_match_points"]),
        item_points_by_sensitivity=tuple(main["item_points_by_sensitivity"]),
        quantity_tiers=tuple(
            (float(ratio), int(points)) for ratio, points in main["quantity_tiers"]
        ),
        unit_factors={
            fold_free_text(unit): factor for unit, factor in main["unit_factors"].items()
        },
        intermediary_roles=tuple(main["intermediary_roles"]),
        home_country=main["home_country"],
        sector_families={
            family: _fold_all(words) for family, words in main["sector_families"].items()
        },
        organisation_kinds=tuple(main["organisation_kinds"]),
        related_points=dict(main["related_points"]),
        names=build_name_rules(main["name_matching"], languages),
        text=_build_text_rules(languages, _word_matching(main)),
    )
