"""Short-core neighbours: variants, lookups and the fuzzy matches the ranking would miss."""

from screening.engine import build_index
from screening.engine.neighbours import NeighboursBuilder, deletion_variants
from screening.engine.types import ListEntry, WatchlistSnapshot


def test_deletion_variants():
    assert deletion_variants("tari") == {"tari", "ari", "tri", "tai", "tar"}
    assert deletion_variants("a") == {"a", ""}


def test_lookup_one_edit_apart():
    building = NeighboursBuilder()
    for form_id, core in enumerate(["ari", "tari", "tory", "taro", "kitakaze"]):
        building.add(form_id, core)
    neighbours = building.freeze()

    # tari: itself, ari (one deletion), taro (one substitution); never tory or kitakaze.
    assert set(neighbours.lookup("tari").tolist()) == {0, 1, 3}
    assert neighbours.lookup("").tolist() == []


def test_long_core_not_stored():
    building = NeighboursBuilder()
    building.add(0, "x" * 13)

    assert building.freeze().lookup("x" * 13).tolist() == []


def test_short_fuzzy_match_among_many_shared_grams():
    """Ari Trading shares one trigram with Tari Trading; 600 Tari... names share two."""
    syllables = [consonant + vowel for consonant in "kstnhmr" for vowel in "aiueo"]
    longer = [f"Tari{first}{second}" for first in syllables for second in syllables][:600]
    entries = [ListEntry("ARI", "Ari Trading", "control_list")]
    entries += [ListEntry(f"D{n:04d}", name, "control_list") for n, name in enumerate(longer)]
    index = build_index(WatchlistSnapshot(slug="s", version=1, entries=tuple(entries)))

    hits = index.match_name("Tari Trading Co., Ltd.")

    assert [hit.entry.entry_id for hit in hits] == ["ARI"]
    assert hits == index.match_name("Tari Trading Co., Ltd.", brute_force=True)
