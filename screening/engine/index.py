"""Candidate index over one watchlist version.

A name query collects candidates from character n-gram and token postings,
the exact-key dict and the corporate-number dict, and scores only those.
Postings longer than a cap (very common n-grams) are skipped, so a query
touches a bounded number of entries however long the list is.
"""

import bisect
import gc
import heapq
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .corporate_number import is_valid_corporate_number, normalise_corporate_number
from .names import NameMatch, compare_names
from .normalise import NameForm, NameRules, name_forms
from .ruleset import load_ruleset
from .types import ListEntry, WatchlistSnapshot

logger = logging.getLogger(__name__)

_SCRIPT_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")
_PARENT_PATTERNS = (
    re.compile(
        r"(?:subsidiary|division|unit|affiliate|agency|branch|part) of (?:the )?([^;,.()]+)",
        re.IGNORECASE,
    ),
    re.compile(r"parent(?: company)?\s*[:：=]\s*([^;,.()]+)", re.IGNORECASE),
    re.compile(r"([^、。;,()\s]+?)の(?:子会社|関連会社|事業部|グループ会社|一部門|外局)"),
)
_PREFIX_SCAN_LIMIT = 20
# Forms tied with the last of the top candidates are kept up to this many extra.
_TIE_ALLOWANCE = 256


@dataclass(frozen=True, slots=True)
class IndexedForm:
    """One normalised spelling (name or alias) of one entry."""

    position: int
    alias: str
    form: NameForm


@dataclass(frozen=True, slots=True)
class NameHit:
    """A list entry that a query name matched, with the spellings compared."""

    entry: ListEntry
    alias: str
    match: NameMatch
    query: NameForm
    entry_form: NameForm


def name_grams(compact: str) -> set[str]:
    """Return trigrams of Latin runs, bigrams of CJK and kana runs, and short runs whole."""
    grams: set[str] = set()
    for run in _SCRIPT_RUNS.findall(compact):
        size = 3 if run.isascii() else 2
        if len(run) <= size:
            grams.add(run)
            continue
        grams.update(run[i : i + size] for i in range(len(run) - size + 1))
    return grams


def _posting_keys(form: NameForm, rules: NameRules) -> set[str]:
    """Return the n-grams of the distinctive core and its long Latin tokens.

    A fuzzy match needs similar cores (see compare_names), so core n-grams find
    every fuzzy candidate while generic words such as Electronics, which would
    make postings long, stay out. Exact and unit matches use the exact-key dict.
    """
    keys = name_grams(form.core)
    keys.update(
        "t:" + token
        for token in form.tokens
        if token.isascii() and len(token) > 3 and token not in rules.generic_latin
    )
    return keys


def _top_candidates(counts: Counter[int], limit: int) -> list[int]:
    """Return the forms sharing the most keys, with every form tied with the last one kept.

    NOTE: a fuzzy match whose shared keys are all in postings above the cap, or
    that ties beyond the allowance, is missed. The brute-force comparison test
    covers a synthetic list of 3,000 entries, not real list distributions.
    """
    ranked = heapq.nlargest(limit + _TIE_ALLOWANCE, counts.items(), key=lambda item: item[1])
    if len(ranked) <= limit:
        return [form_id for form_id, _ in ranked]
    floor = ranked[limit - 1][1]
    return [form_id for form_id, count in ranked if count >= floor]


def parent_names(entry: ListEntry) -> list[str]:
    """Return the parent organisations that an entry's notes name ('subsidiary of X')."""
    names: list[str] = []
    for pattern in _PARENT_PATTERNS:
        names.extend(match.group(1).strip() for match in pattern.finditer(entry.notes or ""))
    return [name for name in names if name]


@dataclass(slots=True)
class ListIndex:
    """Lookup structures for one version of one list; build it with build_index."""

    slug: str
    version: int
    entries: tuple[ListEntry, ...]
    rules: NameRules
    organisation_kinds: tuple[str, ...]
    forms: list[IndexedForm] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)
    exact: dict[str, list[int]] = field(default_factory=dict)
    by_number: dict[str, list[int]] = field(default_factory=dict)
    sorted_keys: list[tuple[str, int]] = field(default_factory=list)
    parents: dict[str, list[int]] = field(default_factory=dict)
    posting_cap: int = 0

    def _add_form(self, position: int, alias: str, form: NameForm) -> None:
        form_id = len(self.forms)
        self.forms.append(IndexedForm(position, alias, form))
        self.exact.setdefault(form.compact, []).append(form_id)
        for key in _posting_keys(form, self.rules):
            self.postings.setdefault(key, []).append(form_id)

    def candidate_forms(self, queries: Iterable[NameForm]) -> set[int]:
        """Return the ids of forms worth scoring against the query forms."""
        found: set[int] = set()
        for query in queries:
            counts: Counter[int] = Counter()
            for key in _posting_keys(query, self.rules):
                posting = self.postings.get(key)
                if posting and len(posting) <= self.posting_cap:
                    counts.update(posting)
            found.update(_top_candidates(counts, self.rules.candidate_limit))
            found.update(self.exact.get(query.compact, ()))
            # Prefixes and suffixes at allowed cuts find the entry of a unit name.
            for cut in query.cuts:
                if 2 <= cut < len(query.compact):
                    found.update(self.exact.get(query.compact[:cut], ()))
                    found.update(self.exact.get(query.compact[cut:], ()))
        return found

    def _score(self, queries: Sequence[NameForm], form_ids: Iterable[int]) -> list[NameHit]:
        best: dict[int, NameHit] = {}
        for form_id in form_ids:
            indexed = self.forms[form_id]
            entry = self.entries[indexed.position]
            organisation = entry.list_kind in self.organisation_kinds
            for query in queries:
                match = compare_names(query, indexed.form, self.rules, organisation=organisation)
                if match is None:
                    continue
                current = best.get(indexed.position)
                if current is None or match.similarity > current.match.similarity:
                    best[indexed.position] = NameHit(
                        entry, indexed.alias, match, query, indexed.form
                    )
        return sorted(best.values(), key=lambda hit: (-hit.match.similarity, hit.entry.entry_id))

    def match_name(self, name: str, *, brute_force: bool = False) -> list[NameHit]:
        """Return the entries that are the same entity as the name, best first.

        brute_force=True scores every form of every entry; tests and benchmarks
        compare it with the indexed lookup.
        """
        queries = name_forms(name, self.rules)
        if not queries:
            return []
        form_ids: Iterable[int] = (
            range(len(self.forms)) if brute_force else self.candidate_forms(queries)
        )
        return self._score(queries, form_ids)

    def match_corporate_number(self, number: str) -> list[ListEntry]:
        """Return the entries registered under a valid corporate number."""
        if not is_valid_corporate_number(number):
            return []
        key = normalise_corporate_number(number)
        return [self.entries[position] for position in self.by_number.get(key, ())]

    def entries_starting_with(self, prefix: str) -> list[tuple[ListEntry, IndexedForm]]:
        """Return up to a fixed number of entries whose compact name starts with the prefix."""
        start = bisect.bisect_left(self.sorted_keys, (prefix, -1))
        found: list[tuple[ListEntry, IndexedForm]] = []
        for compact, form_id in self.sorted_keys[start : start + _PREFIX_SCAN_LIMIT]:
            if not compact.startswith(prefix):
                break
            indexed = self.forms[form_id]
            found.append((self.entries[indexed.position], indexed))
        return found

    def entries_with_parent(self, name: str) -> list[ListEntry]:
        """Return the entries whose notes name this organisation as their parent."""
        positions: set[int] = set()
        for form in name_forms(name, self.rules):
            positions.update(self.parents.get(form.compact, ()))
        return [self.entries[position] for position in sorted(positions)]


def _fill_index(index: ListIndex) -> None:
    for position, entry in enumerate(index.entries):
        for alias in (entry.name, *entry.aliases):
            for form in name_forms(alias, index.rules):
                index._add_form(position, alias, form)
        if is_valid_corporate_number(entry.corporate_number):
            number = normalise_corporate_number(entry.corporate_number)
            index.by_number.setdefault(number, []).append(position)
        for parent in parent_names(entry):
            for form in name_forms(parent, index.rules):
                index.parents.setdefault(form.compact, []).append(position)
    index.sorted_keys = sorted(
        (form.form.compact, form_id) for form_id, form in enumerate(index.forms)
    )
    index.posting_cap = max(
        index.rules.min_posting_cap, int(len(index.forms) * index.rules.max_posting_fraction)
    )


def build_index(snapshot: WatchlistSnapshot) -> ListIndex:
    """Build the candidate index for one list version, with the current ruleset's name rules."""
    ruleset = load_ruleset()
    index = ListIndex(
        slug=snapshot.slug,
        version=snapshot.version,
        entries=tuple(snapshot.entries),
        rules=ruleset.names,
        organisation_kinds=ruleset.organisation_kinds,
    )
    # Building allocates millions of small objects that all live as long as the index,
    # so cyclic garbage collection during the build only costs time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        _fill_index(index)
    finally:
        if collecting:
            gc.enable()
    logger.info(
        "built index for list %s version %s: %d entries, %d forms",
        snapshot.slug,
        snapshot.version,
        len(index.entries),
        len(index.forms),
    )
    return index


def brute_force_matches(index: ListIndex, name: str) -> list[NameHit]:
    """Score every entry of the index against the name, without the candidate postings."""
    return index.match_name(name, brute_force=True)
