"""Through a real worker on Redis and PostgreSQL: PDFs and re-screening."""

import io

import pytest
from pypdf import PdfReader

from certificates.models import AuditReport, Certificate, ReportStatus
from certificates.services.reports import audit_report_request
from certificates.services.workflow import certificate_approve, certificate_submit
from certificates.workflow import Status
from screening.services import watchlist_import
from tests.integration.conftest import wait_for

pytestmark = pytest.mark.worker


def _text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def test_worker_renders_certificate_pdf(
    celery_worker, create_draft, importer, reviewer, auditor, make_document
):
    uses = make_document()["declared_uses"]
    uses[0]["description"] = "一般産業用、各種用途"
    certificate = create_draft("W-PDF-1", declared_uses=uses)
    certificate_submit(actor=importer, certificate=certificate)
    certificate_approve(actor=reviewer, certificate=certificate, reason="用途を電話で確認済み")

    report = audit_report_request(actor=auditor, certificate=certificate)
    ready = wait_for(
        lambda: AuditReport.objects.filter(pk=report.pk, status__in=["ready", "failed"]).first()
    )
    assert ready.status == ReportStatus.READY, ready.error

    from certificates.services.reports import audit_report_file

    text = _text(audit_report_file(actor=auditor, report=ready))
    assert "浜松ドライブシステムズ" in text
    assert "関西マグネティクス商事" in text
    assert "用途を電話で確認済み" in text
    findings = [
        finding
        for category in certificate.screenings.get().result["categories"].values()
        for finding in category["findings"]
    ]
    assert findings, "the vague use must produce findings"
    for finding in findings:
        assert finding["rule"] in text


def test_watchlist_import_rescreens_and_flags(celery_worker, create_draft, importer, reviewer):
    certificate = create_draft("W-FLAG-1")
    certificate_submit(actor=importer, certificate=certificate)
    certificate_approve(actor=reviewer, certificate=certificate, reason="ok")
    assert Certificate.objects.get(pk=certificate.pk).status == Status.APPROVED

    csv = (
        "id,name,aliases,country,corporate_number,address,list_kind,notes\n"
        "T-W-1,Hamamatsu Drive Systems Co. Ltd.,浜松ドライブシステムズ株式会社,JP,,,watch_list,test\n"
    ).encode()
    watchlist_import(slug="test-watch", data=csv, name="test watch list")

    flagged = wait_for(
        lambda: Certificate.objects.filter(pk=certificate.pk, status=Status.FLAGGED).first(),
        timeout=90,
    )
    assert flagged.band in ("high", "prohibited")
    latest = flagged.screenings.order_by("-created_at", "-id").first()
    assert latest.trigger == "rescreening"
    assert latest.list_versions["test-watch"] == 1


def test_new_ruleset_rescreens_through_worker(celery_worker, create_draft, importer, reviewer):
    from screening.engine import RULESET_VERSION
    from screening.services.rulesets import ruleset_activate

    certificate = create_draft("W-RULES-1")
    certificate_submit(actor=importer, certificate=certificate)
    certificate_approve(actor=reviewer, certificate=certificate, reason="ok")
    # A result stored under an earlier ruleset, with an outcome that the current one changes.
    first = certificate.screenings.get()
    first.result = {**first.result, "band": "clear", "score": 0}
    first.ruleset = "2026.2"
    first.save(update_fields=["result", "ruleset"])

    assert ruleset_activate() is True

    fresh = wait_for(
        lambda: certificate.screenings.filter(ruleset=RULESET_VERSION).first(), timeout=90
    )
    assert fresh.trigger == "rescreening"
    assert fresh.result["ruleset"] == RULESET_VERSION


def test_worker_rescreen_keeps_and_lapses_clearance(
    celery_worker, create_draft, importer, reviewer, document
):
    from screening.services.clearances import clearance_record

    header = "id,name,aliases,country,corporate_number,address,list_kind,notes\n"
    row = "T-C-1,Hamamatsu Drive Systems Co.,{aliases},JP,,{address},watch_list,test\n"
    watchlist_import(
        slug="test-clear", data=(header + row.format(aliases="", address="浜松市")).encode()
    )
    certificate = create_draft("W-CLEAR-1")
    certificate_submit(actor=importer, certificate=certificate)
    clearance_record(
        actor=reviewer,
        certificate=certificate,
        list_slug="test-clear",
        entry_id="T-C-1",
        party_name=document["end_user"]["name"],
        reason="別会社（所在地・事業が異なる）",
    )
    assert Certificate.objects.get(pk=certificate.pk).band == "clear"

    def latest_match():
        result = certificate.screenings.order_by("-created_at", "-id").first().result
        return next(
            finding
            for category in result["categories"].values()
            for finding in category["findings"]
            if (finding.get("entry") or {}).get("list") == "test-clear"
        )

    # The entry gains an alias: the worker's re-screening lapses the clearance.
    watchlist_import(
        slug="test-clear",
        data=(header + row.format(aliases="浜松ドライブシステムズ", address="浜松市")).encode(),
    )
    lapsed = wait_for(
        lambda: Certificate.objects.filter(
            pk=certificate.pk, band__in=["high", "prohibited"]
        ).first(),
        timeout=90,
    )
    assert lapsed is not None
    assert latest_match().get("clearance_lapsed")
    assert latest_match()["points"] > 0
