"""Declared-use analysis: military terms, negation, civilian compounds, vague uses, sites."""

import pytest

from screening.engine.ruleset import RULESET_VERSION, load_ruleset
from screening.engine.textscan import text_languages
from screening.engine.uses import analyse_uses, is_vague, military_term_findings

RULESET = load_ruleset()


def terms_in(text: str, version: str | None = None) -> list[str]:
    ruleset = load_ruleset(version) if version else RULESET
    findings = military_term_findings(text, "declared_uses[0].description", ruleset)
    return [finding.params["term"] for finding in findings]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("地対空誘導弾の電動アクチュエータ用", "誘導弾"),
        ("ミサイルの姿勢制御に使用", "ミサイル"),
        ("弾薬の製造設備に組み込む", "弾薬"),
        ("戦闘機のエンジン部品", "戦闘機"),
        ("Fin actuators for guided munitions", "munition"),
        ("Used in missiles and rockets", "missile"),
        ("用于护卫舰的推进系统", "護衛艦"),
        ("导弹导引头", "導弾"),
        ("军用车辆", "軍用"),
        ("自衛隊向け車両の部品", "自衛隊"),
        ("Parts for the Japan Self-Defense Forces", "self defense force"),
    ],
)
def test_military_term_fires(text, term):
    assert term in terms_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "軍事用途には使用しません。",
        "軍事目的に使用しない",
        "本品は武器・兵器の開発には使用しません。工作機械の主軸モーターに使用します。",
        "ミサイルには一切使用いたしません",
        "not for military use",
        "The goods will not be used in missiles or weapons.",
        "Never used for munitions",
        "不用于军事用途",
        "本产品不会用于导弹",
    ],
)
def test_negated_statement_scores_nothing(text):
    assert terms_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "弾性体の成形に使用",
        "車載レーダーのモジュール",
        "農業用ドローンのモーター",
        "弹簧的制造",
        "automotive radar module",
        "submarine cable repeaters",
        "farm machinery",
        "swarmy robots",
    ],
)
def test_civilian_compound_does_not_fire(text):
    assert terms_in(text) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("ミサイル部品", "ミサイル"),
        ("誘導弾", "誘導弾"),
        ("弾薬", "弾薬"),
        ("迫撃砲の部品", "迫撃砲"),
        ("戦闘機", "戦闘機"),
        ("護衛艦", "護衛艦"),
        ("防衛医科大学校の検査装置", "防衛"),
        ("軍事用途に使用", "軍事用途"),
        ("核弾頭の保持具", "弾頭"),
        ("地雷探知機", "地雷"),
        # UniDic gives レーダ the lemma レーダー, so the short spelling matches too.
        ("レーダ部品", "レーダー"),
        ("UAV用のモーター", "uav"),
    ],
)
def test_japanese_word_fires(text, term):
    assert term in terms_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "弾性体の成形に使用",
        "弾力のある素材",
        "爆発的な需要に対応",
        "新分野への挑戦",
        "鉄砲水の観測装置",
        "車載レーダーのモジュール",
        "農業用ドローンのモーター",
        "気象レーダーの部品",
        "気象レーダの部品",
        "爆弾低気圧の観測",
        "正当防衛",
        "非軍事用途に限る",
        "non-military use",
    ],
)
def test_civilian_word_does_not_fire(text):
    assert terms_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "軍事用途には使用しません",
        "ミサイルや武器には使用しない",
        "ミサイル、武器には使用しない",
        "軍事用途には使用せず、民生用のモーターに使用します",
        "民生用途に限定し、ミサイルには転用しません",
        "軍事用途ではなく、民生用途に使用",
        "軍事以外の用途に使用します",
        "軍事用途の予定はありません",
        "not for use in missiles or weapons",
        "for any use other than military use",
        "不用于军事用途",
        "严禁用于武器",
        "用于民用，不用于导弹",
    ],
)
def test_negation_scope_covers_term(text):
    assert terms_in(text) == []


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("ミサイルの部品に使用します。軍事以外の用途は予定していません", ["ミサイル", "軍事"]),
        ("ミサイルに使用し、武器には転用しません", ["ミサイル"]),
        ("軍事用途以外には使用しません", ["軍事用途"]),
        ("for missiles, not for civilian use", ["missile"]),
        ("not for anything other than missiles", ["missile"]),
        ("Military use is prohibited; parts for torpedoes", ["torpedo"]),
        ("用于导弹制导", ["導弾"]),
        ("不用于民用，用于导弹", ["導弾"]),
    ],
)
def test_term_outside_negation_scope_fires(text, terms):
    assert terms_in(text) == terms


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("ミサイル部品", ("ja",)),
        ("軍事用途", ("ja",)),
        ("军用车辆", ("zh",)),
        ("UAV用のモーター", ("ja", "en")),
        ("guided munitions", ("en",)),
    ],
)
def test_text_languages(text, languages):
    assert text_languages(text) == languages


def test_current_ruleset_matches_words():
    assert RULESET_VERSION == "2026.3"
    assert RULESET.text.word_matching is True


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        # 2026.1 negated a whole clause and matched characters, and its stored
        # results must stay reproducible.
        ("for missiles, not for civilian use", []),
        ("軍事用途に使用", ["軍事用"]),
        ("弾性体の成形に使用", []),
    ],
)
def test_ruleset_2026_1_keeps_character_matching(text, terms):
    assert terms_in(text, "2026.1") == terms


def test_negation_limited_to_its_clause():
    terms = terms_in("軍事用途には使用しませんが、ミサイル部品に使う")
    assert terms == ["ミサイル"]


def test_plain_military_use_prohibits():
    findings = military_term_findings("誘導弾の部品", "declared_uses[0].description", RULESET)
    assert findings[0].prohibits is True
    assert findings[0].category == "military_end_use"


def test_dual_use_term_does_not_prohibit():
    findings = military_term_findings("レーダーの部品", "declared_uses[0].description", RULESET)
    assert len(findings) == 1
    assert findings[0].prohibits is False


@pytest.mark.parametrize(
    "text",
    [
        "一般産業用",
        "各種用途",
        "一般用途",
        "各種用途に使用",
        "various applications",
        "general industrial use",
        "General industrial use.",
        "各种用途",
        "",
    ],
)
def test_vague_use_detected(text):
    assert is_vague(text, RULESET.text)


@pytest.mark.parametrize(
    "text",
    [
        "産業用ロボット向けサーボモーターのロータに使用",
        "rotors of servo motors for robots",
        "一般産業用ロボットのモーター",
    ],
)
def test_specific_use_not_vague(text):
    assert not is_vague(text, RULESET.text)


def test_vague_rule_needs_vague_product():
    uses = [{"description": "各種用途", "end_product": "servo motors", "sector": "", "site": ""}]
    findings = analyse_uses({"declared_uses": uses}, RULESET)
    assert [f.rule for f in findings] == []


def test_vague_rule_fires_on_document():
    uses = [{"description": "各種用途", "end_product": "", "sector": "", "site": ""}]
    findings = analyse_uses({"declared_uses": uses}, RULESET)
    assert [f.rule for f in findings] == ["use.vague"]
    assert findings[0].field == "declared_uses[0].description"


def test_missing_declared_uses_is_vague():
    findings = analyse_uses({"declared_uses": []}, RULESET)
    assert [f.rule for f in findings] == ["use.vague"]


@pytest.mark.parametrize(
    "site",
    [
        "横須賀基地内の整備工場",
        "陸上自衛隊駐屯地に隣接",
        "near Yokosuka naval base",
        "東富士演習場",
    ],
)
def test_military_site_fires(site):
    uses = [{"description": "整備用工具", "end_product": "tools", "site": site}]
    findings = analyse_uses({"declared_uses": uses}, RULESET)
    assert [f.rule for f in findings] == ["use.military_site"]
    assert findings[0].category == "military_capability"


@pytest.mark.parametrize(
    "site", ["Hamamatsu, Shizuoka", "浜松市の物流基地", "database centre, Osaka"]
)
def test_civilian_site_does_not_fire(site):
    uses = [{"description": "整備用工具", "end_product": "tools", "site": site}]
    assert analyse_uses({"declared_uses": uses}, RULESET) == []
