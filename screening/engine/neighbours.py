"""Single-deletion neighbours of short cores, found without ranking.

The n-gram postings rank candidates by shared keys, and a short core shares
few of them. "tari" and "ari" share only the common trigram "ari", so "Ari
Trading" could rank below hundreds of other names, although compare_names
calls it a fuzzy match of "Tari Trading". Two cores within one insertion or
deletion of each other, or one substitution apart, always share a string of
{core} and its single-character deletions. Every written core of up to
MAX_CORE characters is stored under each of those strings, so a query finds
them all by lookup. At core_threshold 0.85 this covers every fuzzy pair whose
cores have 13 characters between them, because such a pair is at most one
insertion or deletion apart.
"""

from dataclasses import dataclass, field

import numpy as np

# Cores up to this length are stored, and queries up to one longer look them up.
MAX_CORE = 12


def deletion_variants(core: str) -> set[str]:
    """Return the core and every string made by deleting one of its characters."""
    return {core, *(core[:i] + core[i + 1 :] for i in range(len(core)))}


@dataclass(slots=True)
class Neighbours:
    """Form ids sorted by the hash of each variant of their core."""

    # Python's str hash is salted per process, which suits an index that lives in one process.
    hashes: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    forms: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))

    def lookup(self, core: str) -> np.ndarray:
        """Return the forms whose core shares a variant with this one (hash collisions included)."""
        if not core or len(core) > MAX_CORE + 1 or not len(self.hashes):
            return np.zeros(0, dtype=np.int32)
        keys = np.array([hash(variant) for variant in deletion_variants(core)], dtype=np.int64)
        starts = np.searchsorted(self.hashes, keys, "left")
        ends = np.searchsorted(self.hashes, keys, "right")
        found = [self.forms[start:end] for start, end in zip(starts, ends, strict=True)]
        return np.unique(np.concatenate(found))


@dataclass(slots=True)
class NeighboursBuilder:
    """Variant hashes and form ids collected while an index is built."""

    hashes: list[int] = field(default_factory=list)
    forms: list[int] = field(default_factory=list)

    def add(self, form_id: int, core: str) -> None:
        if not core or len(core) > MAX_CORE:
            return
        for variant in deletion_variants(core):
            self.hashes.append(hash(variant))
            self.forms.append(form_id)

    def freeze(self) -> Neighbours:
        hashes = np.array(self.hashes, dtype=np.int64)
        order = np.argsort(hashes, kind="stable")
        return Neighbours(hashes[order], np.array(self.forms, dtype=np.int32)[order])
