"""Candidate index over one watchlist version.

A name query collects candidates from character n-gram and token postings
(see postings.py), the exact-key dict and the corporate-number dict. Keys whose
postings list more than a cap of forms (very common n-grams) are dropped when
the index is built, which bounds the group ids a query counts. Candidates from
the postings then pass a bulk similarity check that every fuzzy match meets,
and only the survivors get the full comparison of compare_names.

Forms are split into families by how they were written (written or romanised
from kanji, hanzi or kana readings, Latin or not), and a query form only
counts the groups of families whose forms compare_names can match it with.
"""

import bisect
import gc
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from .corporate_number import is_valid_corporate_number, normalise_corporate_number
from .names import NameMatch, compare_names
from .neighbours import Neighbours, NeighboursBuilder
from .normalise import NameForm, NameRules, name_forms
from .postings import Postings, PostingsBuilder, posting_keys
from .readings import IDEOGRAPH_READINGS, fold_romaji
from .ruleset import load_ruleset
from .types import ListEntry, WatchlistSnapshot

logger = logging.getLogger(__name__)

_PARENT_PATTERNS = (
    re.compile(
        r"(?:subsidiary|division|unit|affiliate|agency|branch|part) of (?:the )?([^;,.()]+)",
        re.IGNORECASE,
    ),
    re.compile(r"parent(?: company)?\s*[:：=]\s*([^;,.()]+)", re.IGNORECASE),
    re.compile(r"([^、。;,()\s]+?)の(?:子会社|関連会社|事業部|グループ会社|一部門|外局)"),
)
_PREFIX_SCAN_LIMIT = 20
# Indexes with at least this many forms are frozen out of garbage collection.
_FREEZE_MIN_FORMS = 50_000


# Form families: the reading kind (written, romanised from ideographs, romanised
# from kana) times whether the compact form is ASCII. Family = 2 * kind + ascii.
_WRITTEN, _IDEOGRAPH_READING, _KANA_READING = 0, 1, 2
_FAMILY_COUNT = 6


def form_family(form: NameForm) -> int:
    """Return the family of a form, which decides which other forms it can match."""
    if not form.reading:
        kind = _WRITTEN
    elif form.reading in IDEOGRAPH_READINGS:
        kind = _IDEOGRAPH_READING
    else:
        kind = _KANA_READING
    return 2 * kind + int(form.compact.isascii())


def _families_can_match(first: int, second: int) -> bool:
    """Mirror the script checks at the top of compare_names for two families.

    Two readings of ideographs never match, and a romanised form only matches
    an ASCII form, so such pairs need neither a posting lookup nor a score.
    """
    first_kind, first_ascii = divmod(first, 2)
    second_kind, second_ascii = divmod(second, 2)
    if first_kind == _WRITTEN and second_kind == _WRITTEN:
        return True
    if first_kind == _IDEOGRAPH_READING and second_kind == _IDEOGRAPH_READING:
        return False
    return bool(first_ascii and second_ascii)


# _COMPATIBLE[query family][entry family] is a table because every scored pair checks it.
_COMPATIBLE: tuple[tuple[bool, ...], ...] = tuple(
    tuple(_families_can_match(query, entry) for entry in range(_FAMILY_COUNT))
    for query in range(_FAMILY_COUNT)
)
# The same table as boolean arrays, to mask the families of many forms at once.
_COMPATIBLE_MASKS = tuple(np.array(row, dtype=bool) for row in _COMPATIBLE)
# _COMPATIBLE_FAMILIES[query family] lists the entry families it can match.
_COMPATIBLE_FAMILIES = tuple(
    tuple(family for family, can_match in enumerate(row) if can_match) for row in _COMPATIBLE
)


@dataclass(frozen=True, slots=True)
class IndexedForm:
    """One normalised spelling (name or alias) of one entry."""

    position: int
    alias: str
    form: NameForm
    family: int = _WRITTEN


@dataclass(frozen=True, slots=True)
class NameHit:
    """A list entry that a query name matched, with the spellings compared."""

    entry: ListEntry
    alias: str
    match: NameMatch
    query: NameForm
    entry_form: NameForm


def _passing(value: str, form_ids: list[int], keys: list[str], threshold: float) -> list[int]:
    """Return the form ids whose key reaches the threshold ratio with the value."""
    if not form_ids:
        return []
    choices = [keys[form_id] for form_id in form_ids]
    # The margin keeps a pair that compare_names, dividing by 100, would round the other way.
    cutoff = threshold * 100 - 1e-6
    found = process.extract(value, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
    return [form_ids[position] for _, _, position in found]


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
    postings: Postings = field(default_factory=Postings)
    neighbours: Neighbours = field(default_factory=Neighbours)
    # Per form id: its family as an array, for masks over many candidates at once.
    families: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int8))
    # Per form id: its distinctive core and, for a Latin form, its folded romaji key,
    # which the fuzzy pre-check compares in bulk.
    cores: list[str] = field(default_factory=list)
    romaji_keys: list[str] = field(default_factory=list)
    exact: dict[str, list[int]] = field(default_factory=dict)
    by_number: dict[str, list[int]] = field(default_factory=dict)
    sorted_keys: list[tuple[str, int]] = field(default_factory=list)
    parents: dict[str, list[int]] = field(default_factory=dict)
    # Maximum forms that one key may list over all families. Keys over it are dropped.
    posting_cap: int = 0

    def candidate_forms(self, queries: Iterable[NameForm]) -> tuple[set[int], np.ndarray]:
        """Return the ids of forms worth scoring: (from the exact-key dict, from the postings).

        The exact-key dict finds every form that compare_names can call exact,
        a reading or a unit of the query (a prefix or suffix at an allowed cut),
        so the postings and the short-core neighbours only need to find fuzzy
        matches. Their ids come without those of the exact-key dict.
        """
        exact: set[int] = set()
        fuzzy: list[np.ndarray] = []
        for query in queries:
            keys = posting_keys(query, self.rules)
            families = _COMPATIBLE_FAMILIES[form_family(query)]
            fuzzy.append(self.postings.top_forms(keys, families, self.rules.candidate_limit))
            if not query.reading:
                fuzzy.append(self.neighbours.lookup(query.core))
            exact.update(self.exact.get(query.compact, ()))
            for cut in query.cuts:
                if 1 <= cut < len(query.compact):
                    exact.update(self.exact.get(query.compact[:cut], ()))
                    exact.update(self.exact.get(query.compact[cut:], ()))
        if not fuzzy:
            return exact, np.zeros(0, dtype=np.int32)
        # A query's groups are disjoint, so one array has no repeats, but several can share forms.
        found = fuzzy[0] if len(fuzzy) == 1 else np.unique(np.concatenate(fuzzy))
        if exact:
            found = found[~np.isin(found, np.fromiter(exact, dtype=np.int32))]
        return exact, found

    def _fuzzy_survivors(self, query: NameForm, form_ids: np.ndarray) -> list[int]:
        """Return the forms that pass a condition every fuzzy match with the query meets.

        compare_names only calls a written pair fuzzy when the cores reach
        core_threshold, and a romanised pair when the romaji keys reach
        reading_threshold (equal keys score 100). Checking that for all
        candidates in one rapidfuzz call leaves few pairs for the full comparison.
        """
        families = self.families[form_ids]
        compatible = _COMPATIBLE_MASKS[form_family(query)][families]
        form_ids, families = form_ids[compatible], families[compatible]
        if query.reading:
            romanised = np.ones(len(form_ids), dtype=bool)
        else:
            romanised = families >= 2 * _IDEOGRAPH_READING
        written = form_ids[~romanised].tolist()
        survivors = _passing(query.core, written, self.cores, self.rules.core_threshold)
        if romanised.any():
            key = fold_romaji(query.compact)
            survivors += _passing(
                key, form_ids[romanised].tolist(), self.romaji_keys, self.rules.reading_threshold
            )
        return survivors

    def _score(
        self, queries: Sequence[NameForm], pairs: Iterable[tuple[int, int]]
    ) -> list[NameHit]:
        """Compare each (form id, query number) pair and keep the best match per entry."""
        best: dict[int, tuple[float, int, int, NameHit]] = {}
        for form_id, number in pairs:
            indexed = self.forms[form_id]
            entry = self.entries[indexed.position]
            organisation = entry.list_kind in self.organisation_kinds
            query = queries[number]
            match = compare_names(query, indexed.form, self.rules, organisation=organisation)
            if match is None:
                continue
            # Ties go to the lower form id and query number, so the evidence is stable.
            rank = (-match.similarity, form_id, number)
            current = best.get(indexed.position)
            if current is None or rank < current[:3]:
                hit = NameHit(entry, indexed.alias, match, query, indexed.form)
                best[indexed.position] = (*rank, hit)
        hits = [item[3] for item in best.values()]
        return sorted(hits, key=lambda hit: (-hit.match.similarity, hit.entry.entry_id))

    def match_name(self, name: str, *, brute_force: bool = False) -> list[NameHit]:
        """Return the entries that are the same entity as the name, best first.

        brute_force=True scores every form of every entry; tests and benchmarks
        compare it with the indexed lookup.
        """
        queries = name_forms(name, self.rules)
        if not queries:
            return []
        if brute_force:
            # The baseline calls compare_names on every pair, family checks included.
            every = range(len(self.forms))
            return self._score(queries, ((i, n) for i in every for n in range(len(queries))))
        exact_set, fuzzy = self.candidate_forms(queries)
        exact = sorted(exact_set)
        pairs: list[tuple[int, int]] = []
        for number, query in enumerate(queries):
            compatible = _COMPATIBLE[form_family(query)]
            pairs += [(i, number) for i in exact if compatible[self.forms[i].family]]
            pairs += [(i, number) for i in self._fuzzy_survivors(query, fuzzy)]
        return self._score(queries, pairs)

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


def _add_form(
    index: ListIndex,
    building: tuple[PostingsBuilder, NeighboursBuilder],
    position: int,
    alias: str,
    form: NameForm,
) -> None:
    form_id = len(index.forms)
    family = form_family(form)
    index.forms.append(IndexedForm(position, alias, form, family))
    index.cores.append(form.core)
    index.romaji_keys.append(fold_romaji(form.compact) if form.compact.isascii() else "")
    index.exact.setdefault(form.compact, []).append(form_id)
    postings, neighbours = building
    postings.add(form_id, family, posting_keys(form, index.rules))
    if not form.reading:
        neighbours.add(form_id, form.core)


def _fill_index(index: ListIndex) -> None:
    building = (PostingsBuilder(_FAMILY_COUNT), NeighboursBuilder())
    for position, entry in enumerate(index.entries):
        for alias in (entry.name, *entry.aliases):
            for form in name_forms(alias, index.rules):
                _add_form(index, building, position, alias, form)
        if is_valid_corporate_number(entry.corporate_number):
            number = normalise_corporate_number(entry.corporate_number)
            index.by_number.setdefault(number, []).append(position)
        for parent in parent_names(entry):
            for form in name_forms(parent, index.rules):
                index.parents.setdefault(form.compact, []).append(position)
    index.families = np.array([form.family for form in index.forms], dtype=np.int8)
    index.sorted_keys = sorted(
        (form.form.compact, form_id) for form_id, form in enumerate(index.forms)
    )
    index.posting_cap = max(
        index.rules.min_posting_cap, int(len(index.forms) * index.rules.max_posting_fraction)
    )
    index.postings = building[0].freeze(index.posting_cap)
    index.neighbours = building[1].freeze()


def _freeze_large_index(index: ListIndex) -> None:
    """Exempt a large index's objects from later full garbage collections.

    At 100,000 entries each full collection spent about 1.6 s scanning the
    index. gc.freeze() exempts every object alive now, so any cyclic garbage
    alive at this moment is never collected; that one-off cost is only worth
    paying for a large list. Frozen objects without cycles, as in the index,
    are still freed by reference counting when a new version replaces it.
    """
    if len(index.forms) >= _FREEZE_MIN_FORMS:
        gc.freeze()


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
            _freeze_large_index(index)
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
