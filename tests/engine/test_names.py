"""Labelled name pairs: the same entity or a different one."""

import csv

import pytest

from screening.engine.names import compare_names
from screening.engine.normalise import name_forms
from screening.engine.ruleset import load_ruleset

from .support import SAMPLES

RULES = load_ruleset().names

# (query, listed name, same entity?, listed entry is an organisation such as a ministry)
PAIRS = [
    ("防衛省", "防衛省", True, True),
    ("日本防卫省", "防衛省", True, True),
    ("Japan Ministry of Defense", "Ministry of Defense", True, True),
    ("MINISTRY OF DEFENCE", "Ministry of Defense", True, True),
    ("日本防卫省装备厅", "防衛装備庁", True, True),
    ("防衛装備庁", "防卫装备厅", True, True),
    ("海上自衛隊 横須賀地方総監部", "海上自衛隊", True, True),
    ("陸上自衛隊第7師団", "陸上自衛隊", True, True),
    ("陸上自衛隊 第七師団", "陸上自衛隊", True, True),
    ("航空自衛隊千歳基地", "航空自衛隊", True, True),
    ("陆上自卫队", "陸上自衛隊", True, True),
    ("日本航空自卫队", "航空自衛隊", True, True),
    (
        "7th Division, Japan Ground Self-Defense Force",
        "Japan Ground Self-Defense Force",
        True,
        True,
    ),
    ("Japan Ground Self-Defense Force 7th Division", "Japan Ground Self-Defense Force", True, True),
    ("JGSDF", "JGSDF", True, True),
    ("防衛装備庁 艦艇装備研究所", "防衛装備庁", True, True),
    ("陸上自衛隊OB会", "陸上自衛隊", False, True),
    ("日本航空", "航空自衛隊", False, True),
    ("防衛省共済組合", "防衛省", False, True),
    ("Modern Base Trading", "MOD", False, True),
    (
        "Kitakaze Defense Electronics Co., Ltd.",
        "Kitakaze Defense Electronics Co. Ltd.",
        True,
        False,
    ),
    ("KITAKAZE DEFENCE ELECTRONICS", "Kitakaze Defense Electronics Co. Ltd.", True, False),
    ("北風防衛電子株式会社", "北風防衛電子株式会社", True, False),
    ("北风防卫电子有限公司", "北風防衛電子株式会社", True, False),
    ("(株)北風防衛電子", "北風防衛電子株式会社", True, False),
    ("㈱北風防衛電子", "北風防衛電子株式会社", True, False),
    ("北風防衛電子(株)", "北風防衛電子株式会社", True, False),
    ("Kitakaze Defense Electronics Plant 2", "Kitakaze Defense Electronics", True, False),
    ("Kitakaze Defense", "Kitakaze Defense Electronics Co. Ltd.", False, False),
    ("Marlion Components Pte Ltd", "Marlion Components Pte. Ltd.", True, False),
    ("MARLION COMPONENTS", "Marlion Components Pte. Ltd.", True, False),
    ("Marlin Components", "Marlion Components Pte. Ltd.", True, False),
    ("Marion Components Ltd", "Marlion Components Pte. Ltd.", True, False),
    ("Marlion Circuits", "Marlion Components Pte. Ltd.", False, False),
    ("so-called Sorano Denshi", "Sorano Denshi", True, False),
    ("所谓星河电子", "星河電子", True, False),
    ("そらの電子株式会社", "ソラノ電子", True, False),
    ("ソラノ電子", "ソラノ電機", False, False),
    ("ソラノ電子", "ミドリ電子", False, False),
    ("ミドリ商事", "ソラノ商事", False, False),
    ("Sorano Trading Co., Ltd.", "Midori Trading Co., Ltd.", False, False),
    ("Sorano Electronics", "Sorano Electronic", True, False),
    ("Sorano Denshi GmbH", "Sorano Denshi Inc.", True, False),
    ("Sorano Denshi Corp.", "Sorano Denshi Corporation", True, False),
    ("Sorano Denshi Sdn. Bhd.", "Sorano Denshi", True, False),
    ("Sorano Denshi G.K.", "Sorano Denshi", True, False),
    ("Sorano Denshi Ltd", "Sorano Denshi Kabushiki Kaisha", True, False),
    ("川崎汽船株式会社", "川崎重工業株式会社", False, False),
    ("川崎重工業", "川崎重工業株式会社", True, False),
    ("三菱電機", "三菱重工業", False, False),
    ("三菱重工業", "三菱重工航空エンジン株式会社", False, False),
    ("IHI", "IHIエアロスペース", False, False),
    ("IHIエアロスペース", "IHI Aerospace Co., Ltd.", False, False),
    ("日本電気", "日本電気株式会社", True, False),
    ("日本電気硝子研究所", "日本電気", False, False),
    ("No. 14 Research Institute", "No. 14 Research Institute", True, False),
    ("第十四研究所", "第14研究所", True, False),
    ("第十四研究所", "第四十一研究所", False, False),
    ("Sorano Group No. 2 Plant", "Sorano Group No. 3 Plant", False, False),
    ("Trading Company", "Trading Co., Ltd.", True, False),
    ("Global Tech", "Midori Tech", False, False),
    ("電子商事", "電子工業", False, False),
    ("星河電子科技", "星河電子", False, False),
]


def is_same_entity(query: str, listed: str, organisation: bool = False) -> bool:
    return any(
        compare_names(q, e, RULES, organisation=organisation) is not None
        for q in name_forms(query, RULES)
        for e in name_forms(listed, RULES)
    )


def read_sample_pairs() -> list[tuple[str, str, bool]]:
    path = SAMPLES / "name_pairs.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            (row["query"], row["listed_name"], row["expected"] == "match")
            for row in csv.DictReader(handle)
        ]


@pytest.mark.parametrize(("query", "listed", "expected", "organisation"), PAIRS)
def test_labelled_pair_decided_right(query, listed, expected, organisation):
    assert is_same_entity(query, listed, organisation) is expected


def test_sample_name_pairs_decided_right():
    pairs = read_sample_pairs()
    if not (SAMPLES / "name_pairs.csv").exists():
        pytest.skip("sample folder is absent")
    assert len(pairs) >= 12
    wrong = [(q, e, expected) for q, e, expected in pairs if is_same_entity(q, e) is not expected]
    assert wrong == []


def test_labelled_pairs_count_at_least_sixty():
    assert len(PAIRS) + len(read_sample_pairs()) >= 60


def test_exact_match_similarity_is_one():
    query = name_forms("ＳＯＲＡＮＯ　ＤＥＮＳＨＩ", RULES)[0]
    entry = name_forms("Sorano Denshi", RULES)[0]
    match = compare_names(query, entry, RULES)
    assert match is not None
    assert match.similarity == 1.0
    assert match.method == "exact"


def test_unit_match_reports_unit_method():
    query = name_forms("陸上自衛隊第7師団", RULES)[0]
    entry = name_forms("陸上自衛隊", RULES)[0]
    match = compare_names(query, entry, RULES, organisation=True)
    assert match is not None
    assert match.method == "unit"


def test_company_unit_needs_organisation_kind():
    query = name_forms("北風防衛電子 仙台営業所", RULES)[0]
    entry = name_forms("北風防衛電子", RULES)[0]
    assert compare_names(query, entry, RULES, organisation=False) is None
    assert compare_names(query, entry, RULES, organisation=True) is not None
