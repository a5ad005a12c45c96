from typing import Any

import pytest

from certificates.services.workflow import certificate_submit
from screening.engine.types import ListEntry
from screening.models import Clearance
from screening.services import screening_preview, watchlist_import
from screening.services.clearances import clearance_record
from screening.services.rescreening import certificate_rescreen

pytestmark = pytest.mark.django_db

HEADER = "id,name,aliases,country,corporate_number,address,list_kind,notes\n"
SLUG = "lapse-test"


def _import_list(aliases: str = "", address: str = "静岡県浜松市") -> None:
    row = f"W-1,Hamamatsu Drive Systems Co.,{aliases},JP,,{address},watch_list,\n"
    watchlist_import(slug=SLUG, data=(HEADER + row).encode())


def _match(result: dict[str, Any]) -> dict[str, Any]:
    (finding,) = [
        finding
        for category in result["categories"].values()
        for finding in category["findings"]
        if finding.get("entry", {}).get("list") == SLUG
    ]
    return finding


def _clear(reviewer, certificate, document) -> Clearance:
    return clearance_record(
        actor=reviewer,
        certificate=certificate,
        list_slug=SLUG,
        entry_id="W-1",
        party_name=document["end_user"]["name"],
        reason="Different company: another city and business.",
    )


def test_content_hash_ignores_alias_order_and_address():
    first = ListEntry("W-1", "Name", "watch_list", aliases=("a", "b"), address="x")
    second = ListEntry("W-1", "Name", "watch_list", aliases=("b", "a"), address="y")
    assert first.content_hash() == second.content_hash()


@pytest.mark.parametrize(
    "change",
    [
        {"name": "Other"},
        {"aliases": ("a", "b", "c")},
        {"corporate_number": "7123456789012"},
        {"list_kind": "control_list"},
    ],
)
def test_content_hash_covers_identity(change):
    base = ListEntry("W-1", "Name", "watch_list", aliases=("a", "b"))
    changed = ListEntry(**{**_fields(base), **change})
    assert base.content_hash() != changed.content_hash()


def _fields(entry: ListEntry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in entry.__slots__}


def test_clearance_stores_entry_hash(create_draft, reviewer, document):
    _import_list()
    clearance = _clear(reviewer, create_draft(), document)
    assert len(clearance.entry_hash) == 64


def test_clearance_holds_when_address_changes(create_draft, reviewer, document):
    _import_list()
    _clear(reviewer, create_draft(), document)
    _import_list(address="静岡県浜松市中区")
    finding = _match(screening_preview(document))
    assert finding["points"] == 0
    assert "cleared" in finding
    assert "clearance_lapsed" not in finding


def test_clearance_lapses_when_entry_changes(create_draft, reviewer, document):
    _import_list()
    _clear(reviewer, create_draft(), document)
    assert _match(screening_preview(document))["points"] == 0
    _import_list(aliases="浜松ドライブシステムズ")
    finding = _match(screening_preview(document))
    assert finding["points"] > 0
    assert "cleared" not in finding
    lapsed = finding["clearance_lapsed"]
    assert lapsed["by"] == reviewer.get_username()
    assert lapsed["reason"] == "Different company: another city and business."
    assert "changed after it was recorded" in lapsed["message"]
    assert f"{SLUG}:W-1" in lapsed["message"]


def test_new_clearance_after_lapse_applies(create_draft, reviewer, document):
    _import_list()
    certificate = create_draft()
    _clear(reviewer, certificate, document)
    _import_list(aliases="浜松ドライブシステムズ")
    _clear(reviewer, certificate, document)
    finding = _match(screening_preview(document))
    assert finding["points"] == 0
    assert "cleared" in finding
    assert "clearance_lapsed" not in finding


def test_clearance_without_hash_never_lapses(create_draft, reviewer, document):
    _import_list()
    clearance = _clear(reviewer, create_draft(), document)
    Clearance.objects.filter(pk=clearance.pk).update(entry_hash="")
    _import_list(aliases="浜松ドライブシステムズ")
    assert _match(screening_preview(document))["points"] == 0


def test_rescreening_stores_lapse(create_draft, importer, reviewer, document):
    _import_list()
    certificate = create_draft()
    certificate_submit(actor=importer, certificate=certificate)
    _clear(reviewer, certificate, document)
    assert _match(certificate.screenings.order_by("-id").first().result)["points"] == 0
    _import_list(aliases="浜松ドライブシステムズ")
    assert certificate_rescreen(certificate_id=certificate.pk) is True
    latest = certificate.screenings.order_by("-id").first()
    assert "clearance_lapsed" in _match(latest.result)


def test_case_page_shows_lapsed_clearance(create_draft, importer, reviewer, document):
    from django.test import Client
    from django.urls import reverse

    _import_list()
    certificate = create_draft()
    certificate_submit(actor=importer, certificate=certificate)
    _clear(reviewer, certificate, document)
    _import_list(aliases="浜松ドライブシステムズ")
    certificate_rescreen(certificate_id=certificate.pk)
    client = Client()
    client.force_login(reviewer)
    page = client.get(
        reverse("certificate-detail", args=[certificate.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "no longer applies" in page
    assert "Different company: another city and business." in page
