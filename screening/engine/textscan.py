"""Find whole terms in free text, skipping civilian compounds and negated phrases.

Japanese text is split into words by MeCab (fugashi with unidic-lite), and a
term matches only a whole word or run of words, so 弾 stays out of 弾性体 and
レーダー in 車載レーダー is caught by the civilian compound. Chinese text has
no tokeniser here and keeps the longest match over the term list. Latin terms
need word boundaries. Rulesets without word matching (2026.1) keep the plain
longest match for every script and negate whole clauses.
"""

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

from .normalise import fold_chinese_variants, fold_free_text
from .readings import tagger
from .ruleset import LanguageRules, TextRules

_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff]")
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_LATIN = re.compile(r"[a-z]")
# Bound on cached texts, so that a long batch cannot grow the caches without limit.
_CACHE_SIZE = 4096


@dataclass(frozen=True, slots=True)
class TermHit:
    """One term found in a text, with the clause it was found in."""

    term: str
    start: int
    end: int
    clause: str


@dataclass(frozen=True, slots=True)
class Word:
    """One MeCab word of a folded text, with its character span in that text."""

    surface: str
    lemma: str
    pos: str
    start: int
    end: int


@functools.lru_cache(maxsize=64)
def terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Compile one alternation of the terms, longest first so that 誘導弾 wins over 弾.

    Latin terms get word boundaries, which keep "army" out of "swarmy", and an
    optional s/es for plurals.
    """
    parts = []
    for term in sorted(set(terms), key=lambda t: (-len(t), t)):
        if term.isascii():
            parts.append(rf"(?<![a-z0-9]){re.escape(term)}(?:s|es)?(?![a-z0-9])")
        else:
            parts.append(re.escape(term))
    return re.compile("|".join(parts) or r"(?!)")


@functools.lru_cache(maxsize=64)
def _split_terms(terms: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str], int]:
    """Split terms into Latin ones and a set of the others, with the longest other's length."""
    latin = tuple(term for term in terms if term.isascii())
    other = frozenset(term for term in terms if not term.isascii())
    return latin, other, max(map(len, other), default=0)


def _lemma(node: object, surface: str) -> str:
    lemma = getattr(getattr(node, "feature", None), "lemma", None)
    if not lemma:
        return surface
    # UniDic writes loanword lemmas with their source word (ミサイル-missile).
    base, _, origin = str(lemma).partition("-")
    return base if origin.isascii() else str(lemma)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def japanese_words(folded: str) -> tuple[Word, ...]:
    """Split a folded Japanese text into MeCab words with their spans, cached per text."""
    words = []
    position = 0
    for node in tagger()(folded):
        surface = node.surface
        start = folded.find(surface, position)
        if start < 0:
            # MeCab returns surfaces verbatim, so this only guards against a change there.
            continue
        position = start + len(surface)
        feature = node.feature
        pos1 = str(getattr(feature, "pos1", "") or "")
        pos2 = str(getattr(feature, "pos2", "") or "")
        words.append(Word(surface, _lemma(node, surface), f"{pos1}-{pos2}", start, position))
    return tuple(words)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def text_languages(text: str) -> tuple[str, ...]:
    """Tell which rule languages apply to a text: ja or zh for its ideographs, en for Latin.

    Text with kana is Japanese. Ideographs without kana are Chinese when the text
    has simplified characters, which folding to Japanese forms changes (军 to 軍),
    and Japanese otherwise (軍事用途). NOTE: Japanese written in old forms (衞)
    also changes under folding and so is read as Chinese.
    """
    plain = unicodedata.normalize("NFKC", text).casefold()
    languages = []
    if _KANA.search(plain):
        languages.append("ja")
    elif _IDEOGRAPH.search(plain):
        languages.append("zh" if fold_chinese_variants(plain) != plain else "ja")
    if _LATIN.search(plain):
        languages.append("en")
    return tuple(languages)


def _word_matches(
    words: tuple[Word, ...], wanted: frozenset[str], max_len: int
) -> list[tuple[int, int, str]]:
    """Return the longest runs of whole words that spell a wanted term, by surface or lemma."""
    found = []
    index = 0
    while index < len(words):
        best: tuple[int, str] | None = None
        surface = lemma = ""
        for last in range(index, len(words)):
            surface += words[last].surface
            lemma += words[last].lemma
            if min(len(surface), len(lemma)) > max_len:
                break
            for candidate in (surface, lemma):
                if candidate in wanted:
                    best = (last, candidate)
        if best is None:
            index += 1
            continue
        last, term = best
        found.append((words[index].start, words[last].end, term))
        index = last + 1
    return found


def _latin_matches(folded: str, latin: tuple[str, ...]) -> list[tuple[int, int, str]]:
    pattern = terms_pattern(latin)
    return [(m.start(), m.end(), _term_of(m.group(0), latin)) for m in pattern.finditer(folded)]


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _matches(
    folded: str, terms: tuple[str, ...], languages: tuple[str, ...]
) -> tuple[tuple[int, int, str], ...]:
    """Return the (start, end, term) spans of terms in a folded text, in text order."""
    latin, other, max_len = _split_terms(terms)
    found = _latin_matches(folded, latin) if "en" in languages else []
    if "ja" in languages:
        found.extend(_word_matches(japanese_words(folded), other, max_len))
    elif "zh" in languages:
        # Simplified Chinese has no tokeniser here, so the longest match stays.
        pattern = terms_pattern(tuple(sorted(other)))
        found.extend((m.start(), m.end(), m.group(0)) for m in pattern.finditer(folded))
    return tuple(sorted(found))


def _clause_bounds(text: str, breaks: re.Pattern[str], position: int) -> tuple[int, int]:
    start, end = 0, len(text)
    for match in breaks.finditer(text):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


def _comma_breaks(folded: str, language: LanguageRules) -> list[int]:
    """Return the positions of Japanese commas that end a clause rather than list nouns."""
    if not language.comma_break_after:
        return []
    words = japanese_words(folded)
    positions = []
    for previous, word in itertools.pairwise(words):
        if word.surface not in ("、", ","):
            continue
        pos1 = previous.pos.partition("-")[0]
        if previous.pos in language.comma_break_after or pos1 in language.comma_break_after:
            positions.append(word.start)
    return positions


def _clause_of(
    folded: str, language: LanguageRules, commas: list[int], position: int
) -> tuple[int, int]:
    start, end = _clause_bounds(folded, language.clause_breaks, position)
    for comma in commas:
        if comma < position:
            start = max(start, comma + 1)
        elif comma >= position:
            end = min(end, comma)
    return start, end


def _negated_spans(folded: str, languages: tuple[LanguageRules, ...]) -> list[tuple[int, int]]:
    """Return the character spans that a negation cue covers, by each cue's scope."""
    spans = []
    for language in languages:
        commas = _comma_breaks(folded, language) if language.language == "ja" else []
        for cue in language.negations:
            for match in cue.pattern.finditer(folded):
                start, end = _clause_of(folded, language, commas, match.start())
                if cue.scope == "before":
                    spans.append((start, match.end()))
                elif cue.scope == "after":
                    spans.append((match.start(), end))
                else:
                    spans.append((start, end))
    return spans


def _is_excluded(folded: str, start: int, end: int, languages: tuple[LanguageRules, ...]) -> bool:
    """Tell whether a marker next to the term takes it out (軍事以外, other than weapons)."""
    for language in languages:
        for exclusion in language.exclusions:
            if exclusion.side == "after" and exclusion.pattern.match(folded, end):
                return True
            if exclusion.side == "before" and any(
                match.end() == start for match in exclusion.pattern.finditer(folded, 0, start)
            ):
                return True
    return False


def is_negated(clause: str, rules: TextRules) -> bool:
    """Tell whether a clause states that something is not done ("使用しません", "not for")."""
    return any(pattern.search(clause) for pattern in rules.negations)


def find_terms(
    text: str, terms: tuple[str, ...], rules: TextRules, *, skip_negated: bool = True
) -> list[TermHit]:
    """Return the non-overlapping terms in the text, longest first.

    A term inside a civilian compound (レーダー in 車載レーダー, radar in automotive
    radar) and, unless skip_negated is False, a negated term is left out.
    """
    if not rules.word_matching:
        return _find_terms_by_characters(text, terms, rules, skip_negated=skip_negated)
    folded = fold_free_text(text)
    # The raw text is read because folding has already turned 军 into 軍.
    codes = text_languages(text)
    languages = tuple(language for language in rules.languages if language.language in codes)
    civilian = _matches(folded, rules.civilian_compounds, codes)
    negated = _negated_spans(folded, languages) if skip_negated else []
    hits: list[TermHit] = []
    for start, end, term in _matches(folded, terms, codes):
        if any(start < other_end and other_start < end for other_start, other_end, _ in civilian):
            continue
        if skip_negated:
            covered = any(low <= start and end <= high for low, high in negated)
            # An excluded term under a negation is affirmed (軍事以外は予定していません).
            if covered != _is_excluded(folded, start, end, languages):
                continue
        clause_start, clause_end = _clause_bounds(folded, rules.clause_breaks, start)
        hits.append(TermHit(term, start, end, folded[clause_start:clause_end].strip()))
    return hits


def _find_terms_by_characters(
    text: str, terms: tuple[str, ...], rules: TextRules, *, skip_negated: bool
) -> list[TermHit]:
    """Match terms anywhere in the text and negate whole clauses, as ruleset 2026.1 did."""
    folded = fold_free_text(text)
    civilian = [m.span() for m in terms_pattern(rules.civilian_compounds).finditer(folded)]
    hits: list[TermHit] = []
    for match in terms_pattern(terms).finditer(folded):
        start, end = match.span()
        if any(start < other_end and other_start < end for other_start, other_end in civilian):
            continue
        clause_start, clause_end = _clause_bounds(folded, rules.clause_breaks, start)
        clause = folded[clause_start:clause_end]
        if skip_negated and is_negated(clause, rules):
            continue
        term = _term_of(match.group(0), terms)
        hits.append(TermHit(term, start, end, clause.strip()))
    return hits


def _term_of(matched: str, terms: tuple[str, ...]) -> str:
    """Map a matched text (maybe a plural) back to its term."""
    if matched in terms:
        return matched
    for suffix in ("es", "s"):
        if matched.endswith(suffix) and matched[: -len(suffix)] in terms:
            return matched[: -len(suffix)]
    return matched
