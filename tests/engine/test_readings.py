"""Readings, romanisation and pinyin of names, and matching across scripts."""

import pytest

from screening.engine.names import compare_names
from screening.engine.normalise import name_forms
from screening.engine.readings import (
    KANA_READING,
    KANJI_READING,
    PINYIN,
    fold_romaji,
    japanese_readings,
    kana_to_romaji,
    pinyin_reading,
    strip_diacritics,
)
from screening.engine.ruleset import load_ruleset

RULES = load_ruleset().names


def romanised(text: str, step: str) -> list[str]:
    return [form.compact for form in name_forms(text, RULES) if step in form.steps]


def best_match(query: str, listed: str, organisation: bool = False):
    matches = [
        match
        for q in name_forms(query, RULES)
        for e in name_forms(listed, RULES)
        if (match := compare_names(q, e, RULES, organisation=organisation)) is not None
    ]
    return max(matches, key=lambda match: match.similarity, default=None)


def test_kanji_name_romanised_in_hepburn():
    assert "mitsubishijukogyo" in romanised("三菱重工業株式会社", KANJI_READING)


def test_every_reading_of_daiwa_kept():
    readings = japanese_readings("大和", RULES.reading_limit)
    assert "yamato" in readings
    assert "daiwa" in readings


def test_every_reading_of_nippon_kept():
    forms = romanised("日本電気", KANJI_READING)
    assert "nippondenki" in forms
    assert "nihondenki" in forms


def test_readings_capped_by_limit():
    assert len(japanese_readings("大和証券", 1)) == 1


def test_kana_name_romanised():
    assert romanised("ミツビシジュウコウギョウ", KANA_READING) == ["mitsubishijukogyo"]


def test_kana_name_gets_no_kanji_step():
    assert romanised("ソラノデンシ", KANJI_READING) == []


def test_latin_name_gets_no_reading():
    forms = name_forms("Sorano Denshi", RULES)
    assert len(forms) == 1


def test_ideograph_name_gets_pinyin():
    assert "xinghedianzikeji" in romanised("星河电子科技有限公司", PINYIN)


def test_kana_name_gets_no_pinyin():
    assert romanised("三菱電機ビルソリューションズ", PINYIN) == []


def test_pinyin_split_by_morpheme():
    assert pinyin_reading("星河電子科技") == "xing he dianzi keji"


def test_unknown_word_gives_no_reading():
    assert japanese_readings("𠀋", RULES.reading_limit) == ()


def test_numbers_kept_in_romanised_form():
    forms = [form for form in name_forms("第十四研究所", RULES) if KANJI_READING in form.steps]
    assert forms
    assert all(form.numbers == ("14",) for form in forms)


def test_cutlet_long_vowels_dropped():
    assert kana_to_romaji("ジュウコウギョウ") == "jukogyo"


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("Jūkōgyō", "jukogyo"),
        ("juukougyou", "jukogyo"),
        ("zyukougyou", "jukogyo"),
        ("mitubisi", "mitsubishi"),
        ("shimbun", "shinbun"),
        ("nitsupon", "nipon"),
        ("mitsubishijiyukogiyo", "mitsubishijukogyo"),
        ("daiwashiyoken", "daiwashoken"),
    ],
)
def test_romaji_spellings_fold_alike(variant, canonical):
    assert fold_romaji(variant) == fold_romaji(canonical)


def test_diacritics_stripped_from_latin_only():
    assert strip_diacritics("Jūkōgyō ガス") == "Jukogyo ガス"


def test_diacritics_step_recorded():
    assert "diacritics" in name_forms("Mitsubishi Jūkōgyō", RULES)[0].steps


def test_reading_match_reports_method():
    match = best_match("Mitsubishi Jukogyo", "三菱重工業")
    assert match is not None
    assert match.method == "reading"
    assert match.similarity == 1.0


def test_homophones_in_kanji_not_matched():
    assert best_match("河崎汽船", "川崎汽船") is None


def test_romanised_near_namesake_not_matched():
    assert best_match("Nippon Denki Garasu", "日本電気") is None


def test_romanised_unit_of_organisation_matched():
    match = best_match("Rikujo Jieitai Dai 7 Shidan", "陸上自衛隊", organisation=True)
    assert match is not None
    assert match.method == "unit"


def test_romanised_place_unit_needs_organisation_kind():
    assert best_match("Koku Jieitai Chitose Kichi", "航空自衛隊", organisation=True) is not None
    assert best_match("Koku Jieitai Chitose Kichi", "航空自衛隊") is None


def test_romanised_numbers_must_agree():
    assert best_match("Dai 41 Kenkyusho", "第十四研究所") is None
    assert best_match("Dai 14 Kenkyusho", "第十四研究所") is not None


def test_close_romaji_of_other_word_rejected():
    # denki and denshi are different words whose romaji differ by two letters.
    assert best_match("Sorano Denki", "ソラノ電子") is None
