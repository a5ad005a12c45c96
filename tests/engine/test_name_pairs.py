"""The labelled name pairs are all decided right through the candidate index."""

from pathlib import Path

import pytest

from benchmarks.name_pairs import decide_pairs, evaluate_pairs, read_pairs, summarise

from .support import SAMPLES

LABELLED = Path(__file__).parent / "data" / "name_pairs_labelled.csv"
SAMPLE_PAIRS = SAMPLES / "name_pairs.csv"
KINDS = (
    "romanised reading of a kanji name",
    "each reading of a name with two readings",
    "katakana reading of a kanji name",
    "half-width katakana",
    "full-width Latin letters",
    "Japanese legal form glued or abbreviated",
    "romaji or English legal form",
    "Chinese legal form",
    "simplified Chinese spelling of a Japanese name",
    "pinyin of a Chinese name",
    "numbers that differ",
    "near-namesake that is a different company",
    "unit of a listed organisation",
    "overlap on generic words or a legal form only",
    "prefix such as so-called",
)


@pytest.fixture(scope="module")
def pairs():
    found = read_pairs(LABELLED)
    if SAMPLE_PAIRS.exists():
        found += read_pairs(SAMPLE_PAIRS)
    return found


@pytest.fixture(scope="module")
def result(pairs):
    return summarise(decide_pairs(pairs))


def test_labelled_set_has_enough_pairs():
    assert len(read_pairs(LABELLED)) >= 200


def test_labelled_set_covers_each_kind():
    kinds = {pair.kind_of_case for pair in read_pairs(LABELLED)}
    missing = [kind for kind in KINDS if kind not in kinds]
    assert missing == []


def test_labelled_set_has_both_labels_per_script():
    labelled = read_pairs(LABELLED)
    for script in ("romaji-kanji", "kana-kanji", "half-width-kana", "latin", "kanji", "hanzi"):
        expected = {pair.expected for pair in labelled if pair.script == script}
        assert expected == {True, False}, script


def test_every_pair_decided_right(result):
    # Printed for `pytest -s`, which shows the figures next to the verdict.
    print(  # noqa: T201
        f"\nname pairs: {result['pairs']}, precision {result['precision']:.3f}, "
        f"recall {result['recall']:.3f}"
    )
    assert result["wrong"] == []


def test_precision_and_recall_are_one(result):
    assert result["precision"] == 1.0
    assert result["recall"] == 1.0


@pytest.mark.skipif(not SAMPLE_PAIRS.exists(), reason="sample folder is absent")
def test_sample_pairs_evaluated():
    result = evaluate_pairs(SAMPLE_PAIRS)
    assert result["pairs"] >= 12
    assert result["wrong"] == []


def test_invalid_label_rejected(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_text("query,listed_name,expected,kind_of_case,script\na,b,yes,x,latin\n")
    with pytest.raises(ValueError, match="match or no_match"):
        read_pairs(path)
