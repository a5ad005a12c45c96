"""N-gram postings of a candidate index, and the choice of the forms worth scoring.

Forms of one family with the same posting keys share one group, so a posting
lists each distinct key set once. Postings are numpy arrays of group ids, so
counting the keys that each group shares with a query is one sort in C rather
than a Python loop over every id. On the benchmark's synthetic list of 100,000
entries a query reads about 10,000 ids at the median and 90,000 at most.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from .normalise import NameForm, NameRules

_SCRIPT_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")
# Forms tied with the last of the top candidates are selected up to this many extra.
TIE_ALLOWANCE = 256
# A group's rank packs its id into the low 24 bits (see _top_groups).
_MAX_GROUPS = 1 << 24


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


def posting_keys(form: NameForm, rules: NameRules) -> set[str]:
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


def _empty(dtype: type) -> np.ndarray:
    return np.zeros(0, dtype=dtype)


@dataclass(slots=True)
class Postings:
    """Frozen postings: key -> group ids per family, and per group its key count and forms."""

    # keys[family][key] contains the ids of the family's groups that have the key.
    keys: list[dict[str, np.ndarray]] = field(default_factory=list)
    group_key_counts: np.ndarray = field(default_factory=lambda: _empty(np.int32))
    # The forms of group g are members[starts[g]:starts[g + 1]], sizes[g] of them.
    starts: np.ndarray = field(default_factory=lambda: _empty(np.int64))
    sizes: np.ndarray = field(default_factory=lambda: _empty(np.int64))
    members: np.ndarray = field(default_factory=lambda: _empty(np.int32))

    def top_forms(self, keys: set[str], families: Iterable[int], limit: int) -> np.ndarray:
        """Return the form ids of the groups that share the most keys with a query.

        families are the form families that the query can match. The other
        families' postings are not read, which roughly halved the sorting time
        of the 100,000-entry benchmark.
        """
        postings = [self.keys[family] for family in families]
        found = [
            posting
            for key in keys
            for family in postings
            if (posting := family.get(key)) is not None
        ]
        if not found:
            return _empty(np.int32)
        groups, counts = shared_key_counts(found)
        return self._members(self._top_groups(groups, counts, limit))

    def _top_groups(self, groups: np.ndarray, counts: np.ndarray, limit: int) -> np.ndarray:
        """Return the groups sharing the most keys, until they hold limit forms, and their ties.

        Among groups sharing as many keys, those with fewer keys of their own
        come first, because their names are closer to the query (Helix Tech
        before Helix Nova Tech). Groups tied on shared keys with the group that
        reaches limit forms are selected while the forms stay under limit +
        TIE_ALLOWANCE, which bounds how many forms a query scores.

        NOTE: a fuzzy match can rank out when its core is longer than the
        neighbours cover and shares its distinctive part only through keys
        that hundreds of other groups also have. Against the 100,000-entry
        benchmark list, brute force found such matches ("Shigu Precision" for
        "Shigo Precision", where Precision is in 6% of the Latin names) for 2
        of 180 sampled names.
        """
        pool = limit + TIE_ALLOWANCE
        if len(groups) > pool:
            # Every group has at least one form, so the pool best-ranked groups suffice.
            # They all share at least floor keys, and most groups share only one or
            # two, so dropping the others first leaves a short array to rank.
            floor = _count_floor(counts, pool)
            if floor > 1:
                selected = counts >= floor
                groups, counts = groups[selected], counts[selected]
        # Distinct ranks: shared keys, then fewer own keys, then the lower group id.
        rank = (counts << 40) - (self.group_key_counts[groups].astype(np.int64) << 24) - groups
        if len(groups) > pool:
            selected = np.argpartition(rank, len(rank) - pool)[-pool:]
            groups, counts, rank = groups[selected], counts[selected], rank[selected]
        order = np.argsort(-rank)
        groups, counts = groups[order], counts[order]
        forms = np.cumsum(self.sizes[groups])
        reach = int(np.searchsorted(forms, limit))
        if reach >= len(groups):
            return groups
        # Counts do not increase along the order, so the ties follow the reaching group.
        tied = int(np.searchsorted(-counts[reach + 1 :], -counts[reach], "right"))
        # A group is still added while the forms before it number under limit + TIE_ALLOWANCE.
        allowed_end = int(np.searchsorted(forms, limit + TIE_ALLOWANCE)) + 1
        return groups[: min(reach + 1 + tied, allowed_end)]

    def _members(self, groups: np.ndarray) -> np.ndarray:
        """Return the form ids of the groups, in group order."""
        starts = self.starts[groups]
        sizes = self.sizes[groups]
        # Position k of the result is form starts[g] + (k - first position of group g).
        offsets = np.repeat(starts - (np.cumsum(sizes) - sizes), sizes)
        return self.members[offsets + np.arange(int(sizes.sum()))]


def _count_floor(counts: np.ndarray, pool: int) -> int:
    """Return the highest count that at least pool groups reach."""
    reaching = np.cumsum(np.bincount(counts)[::-1])
    return len(reaching) - 1 - int(np.searchsorted(reaching, pool))


def shared_key_counts(postings: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Return the groups listed by any of the postings and how many postings list each."""
    if len(postings) == 1:
        return postings[0], np.ones(len(postings[0]), dtype=np.int64)
    groups, counts = np.unique(np.concatenate(postings), return_counts=True)
    return groups, counts


@dataclass(slots=True)
class PostingsBuilder:
    """Postings as growing lists while an index is built; freeze() makes the arrays."""

    family_count: int
    # (family, *sorted keys) -> group id
    groups: dict[tuple[str, ...], int] = field(default_factory=dict)
    lists: list[defaultdict[str, list[int]]] = field(default_factory=list)
    key_counts: list[int] = field(default_factory=list)
    group_forms: list[list[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lists = [defaultdict(list) for _ in range(self.family_count)]

    def add(self, form_id: int, family: int, keys: set[str]) -> None:
        ordered = sorted(keys)
        group_key = (str(family), *ordered)
        group = self.groups.get(group_key)
        if group is None:
            group = self.groups[group_key] = len(self.group_forms)
            self.group_forms.append([])
            self.key_counts.append(len(ordered))
            family_lists = self.lists[family]
            for key in ordered:
                family_lists[key].append(group)
        self.group_forms[group].append(form_id)

    def freeze(self, cap: int) -> Postings:
        """Return the postings without the keys whose groups hold more than cap forms in all.

        Such a key (a trigram of a common word) distinguishes few names and
        would make every query that has it count tens of thousands of groups. A
        form reached only through dropped keys is missed unless the exact-key
        dict finds it.
        """
        if len(self.group_forms) >= _MAX_GROUPS:
            raise ValueError(
                f"the list has {len(self.group_forms)} distinct name groups; "
                f"a candidate index supports at most {_MAX_GROUPS - 1}"
            )
        sizes = np.array([len(forms) for forms in self.group_forms], dtype=np.int64)
        starts = np.zeros(len(sizes) + 1, dtype=np.int64)
        np.cumsum(sizes, out=starts[1:])
        arrays = [
            {key: np.array(groups, dtype=np.int32) for key, groups in family.items()}
            for family in self.lists
        ]
        forms_per_key: dict[str, int] = {}
        for family in arrays:
            for key, posting in family.items():
                forms_per_key[key] = forms_per_key.get(key, 0) + int(sizes[posting].sum())
        keys = [
            {key: posting for key, posting in family.items() if forms_per_key[key] <= cap}
            for family in arrays
        ]
        members = [form_id for forms in self.group_forms for form_id in forms]
        return Postings(
            keys=keys,
            group_key_counts=np.array(self.key_counts, dtype=np.int32),
            starts=starts,
            sizes=sizes,
            members=np.array(members, dtype=np.int32),
        )
