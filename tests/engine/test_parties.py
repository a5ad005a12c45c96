"""Party rules through screen_document: list matches, relations, clearances, bands."""

import datetime
import json

from screening.engine import build_index, load_ruleset, screen_document
from screening.engine.types import Clearance, ListEntry, WatchlistSnapshot

from .support import CATALOGUE, all_findings, base_document, rules_fired

RULESET = load_ruleset()
TODAY = datetime.date(2026, 3, 1)
ENTRIES = (
    ListEntry(
        "MEU-1", "Japan Ground Self-Defense Force", "military_end_user", ("陸上自衛隊", "JGSDF")
    ),
    ListEntry(
        "CL-1",
        "Sorano Aero Engines Co., Ltd.",
        "control_list",
        ("ソラノ重工航空エンジン株式会社",),
        corporate_number="9090001055555",
        notes="subsidiary of Sorano Heavy Industries",
    ),
    ListEntry("WL-1", "Midori Precision K.K.", "watch_list", ("ミドリ精密株式会社",)),
    ListEntry(
        "DI-1", "Hoshi Defense Systems K.K.", "defense_industry", ("星防衛システム株式会社",)
    ),
)
INDEX = build_index(WatchlistSnapshot("test-list", 3, ENTRIES))


def screen(document, clearances=()):
    return screen_document(
        document,
        indexes=[INDEX],
        catalogue=CATALOGUE,
        ruleset=RULESET,
        today=TODAY,
        clearances=clearances,
    )


def with_end_user(**party):
    return base_document(end_user={"name": "", "name_local": "", "country": "JP", **party})


def test_clean_certificate_is_clear():
    result = screen(base_document())
    assert result["band"] == "clear"
    assert result["score"] == 0
    assert all_findings(result) == []


def test_result_is_json_contract():
    result = screen(with_end_user(name_local="陸上自衛隊第1師団"))
    assert set(result) == {"reference", "band", "score", "categories", "ruleset", "lists"}
    assert result["lists"] == {"test-list": 3}
    assert result["ruleset"] == RULESET.version
    finding = result["categories"]["military_end_user"]["findings"][0]
    assert set(finding) == {"rule", "points", "field", "evidence", "message", "params", "entry"}
    assert set(finding["entry"]) == {
        "list",
        "id",
        "name",
        "similarity",
        "list_kind",
        "alias",
        "query_normalised",
        "entry_normalised",
        "steps",
    }
    assert json.loads(json.dumps(result)) == result


def test_unit_of_armed_force_prohibited():
    result = screen(with_end_user(name_local="陸上自衛隊第1師団"))
    assert result["band"] == "prohibited"
    finding = result["categories"]["military_end_user"]["findings"][0]
    assert finding["entry"]["id"] == "MEU-1"
    assert finding["field"] == "end_user.name_local"


def test_corporate_number_outweighs_name():
    result = screen(with_end_user(name="Totally Different K.K.", corporate_number="9090001055555"))
    findings = result["categories"]["military_end_user"]["findings"]
    assert [f["field"] for f in findings] == ["end_user.corporate_number"]
    assert findings[0]["entry"]["similarity"] == 1.0
    assert result["band"] == "prohibited"


def test_different_corporate_number_blocks_name_match():
    result = screen(with_end_user(name="Sorano Aero Engines", corporate_number="1030001098765"))
    assert "party.watchlist_match" not in rules_fired(result)


def test_intermediary_on_control_list():
    document = base_document(
        intermediaries=[{"name": "Sorano Aero Engines Ltd", "country": "JP", "role": "purchaser"}]
    )
    result = screen(document)
    assert result["band"] == "prohibited"
    assert all_findings(result)[0]["field"] == "intermediaries[0].name"


def test_exporter_is_not_screened():
    document = base_document(exporter={"name": "Japan Ground Self-Defense Force", "country": "CN"})
    assert screen(document)["band"] == "clear"


def test_watch_list_forces_high():
    result = screen(with_end_user(name_local="ミドリ精密(株)"))
    findings = result["categories"]["military_capability"]["findings"]
    assert [f["rule"] for f in findings] == ["party.watchlist_match"]
    assert result["band"] == "high"


def test_defense_industry_not_prohibited():
    result = screen(with_end_user(name="Hoshi Defense Systems"))
    assert "party.defense_industry" in rules_fired(result)
    assert result["categories"]["military_end_user"]["score"] == 0
    assert result["band"] in ("review", "high")


def test_parent_named_in_notes_is_catch_all():
    result = screen(with_end_user(name="Sorano Heavy Industries Co., Ltd."))
    assert rules_fired(result) == ["party.parent_of_listed"]
    assert result["band"] == "review"


def test_parent_by_name_prefix_is_catch_all():
    result = screen(with_end_user(name_local="ソラノ重工業株式会社"))
    assert rules_fired(result) == ["party.parent_of_listed"]


def test_parent_field_names_listed_entity():
    result = screen(with_end_user(name="Penang Assembly Sdn. Bhd.", parent="Sorano Aero Engines"))
    assert rules_fired(result) == ["party.parent_is_listed"]
    assert result["categories"]["military_end_user"]["score"] == 0


def test_sister_company_by_shared_parent():
    result = screen(with_end_user(name="Sorano Marine K.K.", parent="Sorano Heavy Industries"))
    assert "party.sister_of_listed" in rules_fired(result)


def test_defence_business_text():
    document = base_document()
    document["end_user"]["business"] = "防衛装備品の部品加工"
    assert "party.defense_business" in rules_fired(screen(document))


def test_negated_business_text():
    document = base_document()
    document["end_user"]["business"] = "産業用モーター製造(防衛関連の取引は行いません)"
    assert "party.defense_business" not in rules_fired(screen(document))


def test_clearance_keeps_finding_at_zero():
    clearance = Clearance(
        "test-list",
        "WL-1",
        "ミドリ精密株式会社",
        "different company, checked registry",
        "reviewer@example.jp",
        "2026-02-20T10:00:00+09:00",
    )
    result = screen(with_end_user(name_local="ミドリ精密(株)"), clearances=[clearance])
    finding = result["categories"]["military_capability"]["findings"][0]
    assert finding["points"] == 0
    assert finding["cleared"]["by"] == "reviewer@example.jp"
    assert finding["cleared"]["reason"] == "different company, checked registry"
    assert result["band"] == "clear"


def test_clearance_for_other_party_ignored():
    clearance = Clearance("test-list", "WL-1", "Another Company", "n/a", "r", "2026-02-20")
    result = screen(with_end_user(name_local="ミドリ精密(株)"), clearances=[clearance])
    assert result["band"] == "high"
    assert "cleared" not in result["categories"]["military_capability"]["findings"][0]


def test_every_message_rendered_in_english():
    result = screen(with_end_user(name_local="陸上自衛隊第1師団"))
    finding = result["categories"]["military_end_user"]["findings"][0]
    assert "陸上自衛隊第1師団" in finding["message"]
    assert finding["message"].endswith(".")
    assert "%(" not in finding["message"]
