"""Normalisation of names and numerals."""

import pytest

from screening.engine.normalise import convert_kanji_ordinals, kanji_to_int, name_forms
from screening.engine.readings import ROMANISED_STEPS
from screening.engine.ruleset import load_ruleset

RULES = load_ruleset().names


def compact(text: str) -> str:
    return name_forms(text, RULES)[0].compact


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＳＯＲＡＮＯ　ＤＥＮＳＨＩ", "soranodenshi"),
        ("ｿﾗﾉﾃﾞﾝｼ", "ソラノデンシ"),
        ("そらのでんし", "ソラノデンシ"),
        ("株式会社ソラノ電子", "ソラノ電子"),
        ("ソラノ電子株式会社", "ソラノ電子"),
        ("(株)ソラノ電子", "ソラノ電子"),
        ("㈱ソラノ電子", "ソラノ電子"),
        ("ｶ)ｿﾗﾉﾃﾞﾝｼ", "ソラノデンシ"),
        ("ソラノ電子有限会社", "ソラノ電子"),
        ("ソラノ合同会社", "ソラノ"),
        ("星河电子科技股份有限公司", "星河電子科技"),
        ("星河電子有限公司", "星河電子"),
        ("日本防卫省装备厅", "日本防衛省装備庁"),
        ("Sorano Denshi K.K.", "soranodenshi"),
        ("Sorano Denshi Kabushiki Kaisha", "soranodenshi"),
        ("Sorano Denshi G.K.", "soranodenshi"),
        ("Sorano Co., Ltd.", "sorano"),
        ("Sorano Pte. Ltd.", "sorano"),
        ("Sorano Sdn. Bhd.", "sorano"),
        ("Sorano GmbH", "sorano"),
        ("Sorano Inc.", "sorano"),
        ("Sorano Corporation", "sorano"),
        ("KAGAYAKI OIL COMP", "kagayakioil"),
        ("so-called Sorano", "sorano"),
        ("所谓星河电子", "星河電子"),
        ("A-B-C Company", "abc"),
    ],
)
def test_name_compact_form(raw, expected):
    assert compact(raw) == expected


def test_legal_form_alone_is_kept():
    assert compact("株式会社") == "株式会社"


def test_country_word_gives_second_form():
    forms = [
        form
        for form in name_forms("日本航空自卫队", RULES)
        if not set(form.steps) & set(ROMANISED_STEPS)
    ]
    assert [form.compact for form in forms] == ["日本航空自衛隊", "航空自衛隊"]
    assert "country_word" in forms[1].steps


def test_steps_record_applied_folds():
    steps = name_forms("ｶ)ｿﾗﾉﾃﾞﾝｼ", RULES)[0].steps
    assert "nfkc" in steps
    assert "legal_form" in steps


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("十四", 14),
        ("四十一", 41),
        ("十", 10),
        ("百五", 105),
        ("二千二十六", 2026),
        ("一〇五", 105),
    ],
)
def test_kanji_numeral_value(numeral, value):
    assert kanji_to_int(numeral) == value


def test_kanji_ordinals_only_after_dai():
    assert convert_kanji_ordinals("第十四研究所") == "第14研究所"
    assert convert_kanji_ordinals("三十一号") == "31号"
    assert convert_kanji_ordinals("三菱重工") == "三菱重工"


def test_numbers_collected_from_name():
    assert name_forms("No. 14 Research Institute", RULES)[0].numbers == ("14",)
    assert name_forms("第四十一研究所", RULES)[0].numbers == ("41",)
    assert name_forms("7th Division", RULES)[0].numbers == ("7",)
