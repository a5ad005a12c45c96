"""Candidate index: agreement with brute force, bounded candidates, lookups."""

import random

import pytest

from screening.engine import build_index
from screening.engine.index import brute_force_matches, parent_names
from screening.engine.normalise import name_forms
from screening.engine.postings import name_grams
from screening.engine.types import ListEntry, WatchlistSnapshot

SYLLABLES = [
    "ka",
    "ki",
    "ku",
    "sa",
    "shi",
    "to",
    "na",
    "ho",
    "ma",
    "mi",
    "ra",
    "ri",
    "yo",
    "wa",
    "no",
]
KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロ"
KANJI = "山川田中北南東西高橋松竹梅桜星河光精密化学海洋"
SUFFIXES = ["Electronics", "Trading", "Precision", "Materials", "Heavy Industries"]


def synthetic_entries(count: int, seed: int = 11) -> list[ListEntry]:
    rnd = random.Random(seed)
    entries = []
    for number in range(count):
        latin = "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4))).capitalize()
        kana = "".join(rnd.choice(KANA) for _ in range(rnd.randint(3, 6)))
        kanji = "".join(rnd.choice(KANJI) for _ in range(rnd.randint(2, 4)))
        name = f"{latin} {rnd.choice(SUFFIXES)} Co., Ltd."
        entries.append(
            ListEntry(
                f"E{number}", name, "control_list", aliases=(f"{kana}株式会社", f"{kanji}工業")
            )
        )
    return entries


def mutate(name: str, rnd: random.Random) -> str:
    """Return a spelling variant: upper case, a dropped or doubled letter, or a legal form."""
    choice = rnd.randrange(4)
    if choice == 0:
        return name.upper()
    if choice == 1 and len(name) > 6:
        position = rnd.randrange(1, len(name) - 1)
        return name[:position] + name[position + 1 :]
    if choice == 2:
        return "株式会社" + name
    return name + " 本社"


@pytest.fixture(scope="module")
def synthetic_index():
    entries = synthetic_entries(3000)
    return build_index(WatchlistSnapshot("synthetic", 1, tuple(entries))), entries


def test_index_agrees_with_brute_force(synthetic_index):
    index, entries = synthetic_index
    rnd = random.Random(5)
    queries = []
    for entry in rnd.sample(entries, 60):
        spelling = rnd.choice((entry.name, *entry.aliases))
        queries.extend([spelling, mutate(spelling, rnd)])
    queries += ["Unrelated Name Holdings", "ミドリ商事", "陸上自衛隊第7師団"]
    disagreements = []
    for query in queries:
        indexed = [(hit.entry.entry_id, hit.match.similarity) for hit in index.match_name(query)]
        brute = [
            (hit.entry.entry_id, hit.match.similarity) for hit in brute_force_matches(index, query)
        ]
        if indexed != brute:
            disagreements.append((query, indexed, brute))
    assert disagreements == []


def test_exact_spelling_found_first(synthetic_index):
    index, entries = synthetic_index
    for entry in entries[:50]:
        hits = index.match_name(entry.aliases[0])
        assert hits
        assert hits[0].match.similarity == 1.0
        assert entry.entry_id in {hit.entry.entry_id for hit in hits if hit.match.similarity == 1.0}


def test_candidates_bounded(synthetic_index):
    index, entries = synthetic_index
    for entry in entries[:100]:
        forms = name_forms(entry.name, index.rules)
        exact, fuzzy = index.candidate_forms(forms)
        assert exact.isdisjoint(fuzzy.tolist())
        assert len(exact) + len(fuzzy) < len(index.forms) // 10


def test_corporate_number_lookup():
    entry = ListEntry("C-1", "Kitakaze", "control_list", corporate_number="9090001055555")
    index = build_index(WatchlistSnapshot("numbers", 1, (entry,)))
    assert index.match_corporate_number("9090-0010-55555") == [entry]
    assert index.match_corporate_number("9090001055556") == []
    assert index.match_corporate_number("") == []


def test_name_grams_by_script():
    assert name_grams("sorano") == {"sor", "ora", "ran", "ano"}
    assert name_grams("防衛省") == {"防衛", "衛省"}
    assert name_grams("ab") == {"ab"}


def test_parent_names_from_notes():
    entry = ListEntry(
        "X", "ATLA", "military_end_user", notes="external agency of the Ministry of Defense"
    )
    assert parent_names(entry) == ["Ministry of Defense"]
    japanese = ListEntry("Y", "ソラノ航空", "control_list", notes="ソラノ重工業の子会社")
    assert parent_names(japanese) == ["ソラノ重工業"]


def test_index_records_version():
    index = build_index(WatchlistSnapshot("v", 7, ()))
    assert (index.slug, index.version) == ("v", 7)
    assert index.match_name("anything") == []
