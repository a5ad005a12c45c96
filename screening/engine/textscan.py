"""Find whole terms in free text, skipping civilian compounds and negated clauses."""

import functools
import re
from dataclasses import dataclass

from .normalise import fold_free_text
from .ruleset import TextRules


@dataclass(frozen=True, slots=True)
class TermHit:
    """One term found in a text, with the clause it was found in."""

    term: str
    start: int
    end: int
    clause: str


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


def _clause_bounds(text: str, rules: TextRules, position: int) -> tuple[int, int]:
    start, end = 0, len(text)
    for match in rules.clause_breaks.finditer(text):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


def is_negated(clause: str, rules: TextRules) -> bool:
    """Tell whether a clause states that something is not done ("使用しません", "not for")."""
    return any(pattern.search(clause) for pattern in rules.negations)


def find_terms(
    text: str, terms: tuple[str, ...], rules: TextRules, *, skip_negated: bool = True
) -> list[TermHit]:
    """Return the non-overlapping terms in the text, longest first.

    A term inside a civilian compound (弾 in 弾性体, radar in automotive radar)
    and, unless skip_negated is False, a term in a negated clause is left out.
    """
    folded = fold_free_text(text)
    civilian = [m.span() for m in terms_pattern(rules.civilian_compounds).finditer(folded)]
    hits: list[TermHit] = []
    for match in terms_pattern(terms).finditer(folded):
        start, end = match.span()
        if any(start < other_end and other_start < end for other_start, other_end in civilian):
            continue
        clause_start, clause_end = _clause_bounds(folded, rules, start)
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
