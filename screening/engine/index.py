"""Candidate index over one watchlist version.

A name query collects candidates from character n-gram and token postings,
the exact-key dict and the corporate-number dict, and scores only those.
Keys whose postings list more than a cap of forms (very common n-grams) are
dropped when the index is built. A query counts its rarer keys in full up to a
budget of posting items and only probes the commoner ones for its best groups,
so its work stays bounded however long the list is.

Forms are split into families by how they were written (written or romanised
from kanji, hanzi or kana readings, Latin or not), and a query form searches
only the families whose forms compare_names can match it with. Forms of one
family with the same posting keys share one group, so a posting lists each
distinct key set once, and a query counts shared keys per group.
"""

import bisect
import gc
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .corporate_number import is_valid_corporate_number, normalise_corporate_number
from .names import NameMatch, compare_names
from .normalise import NameForm, NameRules, name_forms
from .readings import IDEOGRAPH_READINGS
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

# Posting items that a query counts in full before it only probes its top groups.
# That is roughly 0.5 ms of Counter.update on the 2-core benchmark machine (an
# estimate). A larger budget finds more of the groups that share only common
# keys with the query, at linear cost.
_COUNT_BUDGET = 4096
# Groups per candidate_limit whose counts the commoner keys still add to.
_PROBE_FACTOR = 4

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


def _floor_count(counts: Counter[int], limit: int) -> int:
    """Return the limit-th largest count, or 0 when fewer groups have been counted."""
    if len(counts) < limit:
        return 0
    # A histogram of the counts (small ints) is built in C, unlike a heap over every group.
    histogram = Counter(counts.values())
    seen = 0
    for count in sorted(histogram, reverse=True):
        seen += histogram[count]
        if seen >= limit:
            return count
    return 0


def _top_groups(
    counts: Counter[int], limit: int, group_forms: list[list[int]], group_key_counts: list[int]
) -> list[int]:
    """Return the groups sharing the most keys, until they hold limit forms, and their ties.

    Among groups sharing as many keys, those with fewer keys of their own come
    first, because their names are closer to the query (Helix Tech before Helix
    Nova Tech). Forms tied with the last chosen group are kept up to
    _TIE_ALLOWANCE extra, which bounds how many forms a query scores.
    """
    floor = _floor_count(counts, limit)
    ranked = sorted(
        (
            (count, group_key_counts[group], group)
            for group, count in counts.items()
            if count >= floor
        ),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    chosen: list[int] = []
    forms = 0
    last = 0
    for count, _, group in ranked:
        if forms >= limit and (count < last or forms >= limit + _TIE_ALLOWANCE):
            break
        chosen.append(group)
        forms += len(group_forms[group])
        last = count
    return chosen


def _count_sorted_member(postings: list[list[int]], group: int) -> int:
    """Return how many of the ascending postings contain the group."""
    found = 0
    for posting in postings:
        at = bisect.bisect_left(posting, group)
        found += at < len(posting) and posting[at] == group
    return found


def count_shared_keys(
    keys: list[list[list[int]]], limit: int, group_key_counts: list[int]
) -> Counter[int]:
    """Count, per group, the query keys whose postings list it, for the likely top groups.

    Each item of keys contains the postings of one query key (one per family that
    the query can match), each sorted ascending. group_key_counts breaks ties. Keys are read rarest first and
    in full until _COUNT_BUDGET posting items have been read, so the work per
    query is bounded however long the list is. Later (commoner) keys are only
    probed by binary search for the _PROBE_FACTOR * limit groups with the
    highest counts so far, because a group missing all the rarer keys of the
    query shares little of its name.

    NOTE: a group that shares only common keys with the query is missed when
    the rarer keys fill the budget. The brute-force comparisons in the tests
    and the benchmark measure how often that loses a match on synthetic lists.
    """
    ordered = sorted(keys, key=lambda postings: sum(len(posting) for posting in postings))
    counts: Counter[int] = Counter()
    read = 0
    for done, postings in enumerate(ordered):
        size = sum(len(posting) for posting in postings)
        if done and read + size > _COUNT_BUDGET:
            return _probe_rest(counts, ordered[done:], limit, group_key_counts)
        for posting in postings:
            counts.update(posting)
        read += size
    return counts


def _probe_rest(
    counts: Counter[int], rest: list[list[list[int]]], limit: int, group_key_counts: list[int]
) -> Counter[int]:
    """Add the rest keys to the counts of the groups most likely to reach the top.

    Those are the groups with the highest counts so far and, among equal
    counts, with the fewest keys of their own, as in _top_groups.
    """
    size = _PROBE_FACTOR * limit
    floor = _floor_count(counts, size)
    pool = sorted(
        (-count, group_key_counts[group], group)
        for group, count in counts.items()
        if count >= floor
    )
    probed = Counter({group: -negative for negative, _, group in pool[:size]})
    flat = [posting for postings in rest for posting in postings]
    for group in probed:
        probed[group] += _count_sorted_member(flat, group)
    return probed


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
    # postings[family][key] lists group ids in ascending order.
    postings: list[dict[str, list[int]]] = field(
        default_factory=lambda: [{} for _ in range(_FAMILY_COUNT)]
    )
    # group_forms[group] lists the ids of the forms with that group's family and keys.
    group_forms: list[list[int]] = field(default_factory=list)
    # group_key_counts[group] is how many posting keys the group's forms have.
    group_key_counts: list[int] = field(default_factory=list)
    exact: dict[str, list[int]] = field(default_factory=dict)
    by_number: dict[str, list[int]] = field(default_factory=dict)
    sorted_keys: list[tuple[str, int]] = field(default_factory=list)
    parents: dict[str, list[int]] = field(default_factory=dict)
    # Maximum forms that one key may list over all families. Keys over it are dropped.
    posting_cap: int = 0

    def _add_form(
        self, position: int, alias: str, form: NameForm, groups: dict[tuple[str, ...], int]
    ) -> None:
        """Add one form; groups maps (family, *sorted keys) to group ids during the build."""
        form_id = len(self.forms)
        family = form_family(form)
        self.forms.append(IndexedForm(position, alias, form, family))
        self.exact.setdefault(form.compact, []).append(form_id)
        keys = sorted(_posting_keys(form, self.rules))
        group_key = (str(family), *keys)
        group = groups.get(group_key)
        if group is None:
            group = groups[group_key] = len(self.group_forms)
            self.group_forms.append([])
            self.group_key_counts.append(len(keys))
            family_postings = self.postings[family]
            # Group ids only grow, so each posting stays sorted for the binary search.
            for key in keys:
                family_postings.setdefault(key, []).append(group)
        self.group_forms[group].append(form_id)

    def _fuzzy_candidates(self, query: NameForm) -> list[int]:
        """Return the forms in the top groups by keys shared with the query."""
        families = [
            self.postings[family]
            for family, can_match in enumerate(_COMPATIBLE[form_family(query)])
            if can_match
        ]
        keys: list[list[list[int]]] = []
        for key in _posting_keys(query, self.rules):
            postings = [posting for family in families if (posting := family.get(key))]
            if postings:
                keys.append(postings)
        counts = count_shared_keys(keys, self.rules.candidate_limit, self.group_key_counts)
        found: list[int] = []
        top = _top_groups(
            counts, self.rules.candidate_limit, self.group_forms, self.group_key_counts
        )
        for group in top:
            found.extend(self.group_forms[group])
        return found

    def candidate_forms(self, queries: Iterable[NameForm]) -> set[int]:
        """Return the ids of forms worth scoring against the query forms."""
        found: set[int] = set()
        for query in queries:
            found.update(self._fuzzy_candidates(query))
            found.update(self.exact.get(query.compact, ()))
            # Prefixes and suffixes at allowed cuts find the entry of a unit name.
            for cut in query.cuts:
                if 2 <= cut < len(query.compact):
                    found.update(self.exact.get(query.compact[:cut], ()))
                    found.update(self.exact.get(query.compact[cut:], ()))
        return found

    def _score(
        self, queries: Sequence[NameForm], form_ids: Iterable[int], *, skip_families: bool = True
    ) -> list[NameHit]:
        """Compare each query with each form, skipping pairs of families that cannot match."""
        query_families = [form_family(query) for query in queries]
        best: dict[int, NameHit] = {}
        for form_id in form_ids:
            indexed = self.forms[form_id]
            entry = self.entries[indexed.position]
            organisation = entry.list_kind in self.organisation_kinds
            for query, family in zip(queries, query_families, strict=True):
                if skip_families and not _COMPATIBLE[family][indexed.family]:
                    continue
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
        if brute_force:
            # The baseline calls compare_names on every pair, family checks included.
            return self._score(queries, range(len(self.forms)), skip_families=False)
        return self._score(queries, self.candidate_forms(queries))

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
    groups: dict[tuple[str, ...], int] = {}
    for position, entry in enumerate(index.entries):
        for alias in (entry.name, *entry.aliases):
            for form in name_forms(alias, index.rules):
                index._add_form(position, alias, form, groups)
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
    _drop_common_keys(index)


def _drop_common_keys(index: ListIndex) -> None:
    """Drop the keys whose postings list more than posting_cap forms over all families.

    Such a key (a trigram of a common word) distinguishes few names and would
    make every query that has it count thousands of groups. A form reached only
    through dropped keys is missed unless the exact-key dict finds it.
    """
    forms_per_key: Counter[str] = Counter()
    for family_postings in index.postings:
        for key, posting in family_postings.items():
            forms_per_key[key] += sum(len(index.group_forms[group]) for group in posting)
    for key, forms in forms_per_key.items():
        if forms > index.posting_cap:
            for family_postings in index.postings:
                family_postings.pop(key, None)


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
