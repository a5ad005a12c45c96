"""Postings: shared-key counts, top groups with ties, the cap, and the bulk pre-check."""

import numpy as np

from screening.engine import build_index
from screening.engine.postings import TIE_ALLOWANCE, PostingsBuilder, shared_key_counts
from screening.engine.types import ListEntry, WatchlistSnapshot


def _builder(groups: list[tuple[list[int], set[str]]]) -> PostingsBuilder:
    """Return a builder with one group per (form ids, keys), all in family 0."""
    building = PostingsBuilder(1)
    for form_ids, keys in groups:
        for form_id in form_ids:
            building.add(form_id, 0, keys)
    return building


def test_shared_key_counts():
    postings = [np.array([1, 4, 7], dtype=np.int32), np.array([4, 9], dtype=np.int32)]

    groups, counts = shared_key_counts(postings)

    assert groups.tolist() == [1, 4, 7, 9]
    assert counts.tolist() == [1, 2, 1, 1]


def test_members_follow_group_rank():
    postings = _builder(
        [([10, 11], {"ab", "bc"}), ([20], {"ab"}), ([30, 31, 32], {"ab", "bc", "cd"})]
    ).freeze(cap=1000)

    found = postings.top_forms({"ab", "bc", "cd"}, [0], limit=100)

    # Three shared keys first, then two, then one.
    assert found.tolist() == [30, 31, 32, 10, 11, 20]


def test_fewer_own_keys_rank_first():
    postings = _builder([([1], {"ab", "xy", "zz"}), ([2], {"ab"})]).freeze(cap=1000)

    found = postings.top_forms({"ab"}, [0], limit=1)

    assert found.tolist() == [2, 1]


def test_ties_bounded_by_allowance():
    groups = [([form_id], {"ab", f"k{form_id}"}) for form_id in range(TIE_ALLOWANCE + 50)]
    groups.append(([9999], {"ab", "bc"}))
    postings = _builder(groups).freeze(cap=100_000)

    found = postings.top_forms({"ab", "bc"}, [0], limit=2)

    assert found[0] == 9999
    # The group reaching the limit brings its ties, up to limit + TIE_ALLOWANCE forms.
    assert len(found) == 2 + TIE_ALLOWANCE
    # Among equal groups the lower ids (here, the forms added first) win.
    assert found[1:].tolist() == list(range(1 + TIE_ALLOWANCE))


def test_ties_stop_at_lower_count():
    postings = _builder(
        [([1], {"ab", "bc"}), ([2], {"ab", "bc", "q"}), ([3], {"ab"}), ([4], {"ab"})]
    ).freeze(cap=1000)

    found = postings.top_forms({"ab", "bc"}, [0], limit=1)

    # Form 2 ties with form 1 on two shared keys; forms 3 and 4 share only one.
    assert found.tolist() == [1, 2]


def test_cap_drops_common_keys():
    postings = _builder([([1, 2, 3], {"ab", "rare"}), ([4], {"ab"})]).freeze(cap=3)

    assert "ab" not in postings.keys[0]
    assert postings.top_forms({"rare"}, [0], limit=10).tolist() == [1, 2, 3]
    assert postings.top_forms({"ab"}, [0], limit=10).tolist() == []


def test_other_family_not_read():
    building = PostingsBuilder(2)
    building.add(1, 0, {"ab"})
    building.add(2, 1, {"ab"})
    postings = building.freeze(cap=1000)

    assert postings.top_forms({"ab"}, [1], limit=10).tolist() == [2]
    assert postings.top_forms({"ab"}, [0, 1], limit=10).tolist() == [1, 2]


def test_precheck_keeps_folded_reading():
    """A reading whose raw spelling differs (juukougyou, jukogyo) passes on its romaji key."""
    entries = [ListEntry("A", "Kawasaki Juukougyou", "control_list")]
    entries += [ListEntry(f"D{n}", f"Kawasaki Trading {n}", "control_list") for n in range(5)]
    index = build_index(WatchlistSnapshot(slug="s", version=1, entries=tuple(entries)))

    hits = index.match_name("川崎重工業株式会社")

    assert [hit.entry.entry_id for hit in hits] == ["A"]
    assert hits[0].match.method == "reading"
    assert hits == index.match_name("川崎重工業株式会社", brute_force=True)
