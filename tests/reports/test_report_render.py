import json
import re

import pytest

from certificates.models import AuditEvent, AuditReport, Certificate, Document
from certificates.reports import render_certificate_report, render_period_report
from tests.reports.conftest import FINDING_MESSAGE
from tests.reports.pdf_helpers import compact, fonts_of, reader, text_of, xmp_of


@pytest.fixture
def certificate_pdf(certificate_report: AuditReport) -> bytes:
    return render_certificate_report(certificate_report)


@pytest.mark.django_db
def test_certificate_pdf_contains_japanese_and_chinese_names(certificate_pdf: bytes) -> None:
    text = compact(text_of(certificate_pdf))
    assert "浜松ドライブシステムズ株式会社" in text
    assert "関西マグネティクス商事株式会社" in text
    assert "包头稀土磁材有限公司" in text
    assert "鈴木花子" in text
    assert "産業用ロボット向けサーボモーターのロータに使用" in text


@pytest.mark.django_db
def test_certificate_pdf_contains_findings_and_versions(certificate_pdf: bytes) -> None:
    text = compact(text_of(certificate_pdf))
    assert "use.vague" in text
    assert "party.watchlist_match" in text
    # The engine's translated template or, without it, the stored message.
    assert compact(FINDING_MESSAGE) in text or "一般産業用" in text
    assert "別法人（法人番号が異なる）" in text
    assert "2026.1" in text
    assert "cn-watch:2" in text


@pytest.mark.django_db
def test_certificate_pdf_contains_document_sha256(
    certificate_pdf: bytes, document: Document
) -> None:
    assert document.sha256 in compact(text_of(certificate_pdf))


@pytest.mark.django_db
def test_certificate_pdf_contains_event_hashes(
    certificate_pdf: bytes, full_case: Certificate
) -> None:
    text = compact(text_of(certificate_pdf))
    events = list(AuditEvent.objects.filter(certificate=full_case))
    assert len(events) >= 4
    for event in events:
        assert event.hash in text
        assert event.previous_hash in text
        assert event.action in text


@pytest.mark.django_db
def test_certificate_pdf_contains_decision(certificate_pdf: bytes) -> None:
    text = compact(text_of(certificate_pdf))
    assert "用途と数量は整合しており" in text
    assert "reviewer1" in text


@pytest.mark.django_db
def test_certificate_pdf_has_reference_and_page_numbers(certificate_pdf: bytes) -> None:
    pages = reader(certificate_pdf).pages
    assert len(pages) >= 2
    for page in pages:
        assert "S-01-servo" in page.extract_text()
    last_page = compact(pages[-1].extract_text())
    assert str(len(pages)) in last_page


@pytest.mark.django_db
def test_certificate_pdf_embeds_only_report_fonts(certificate_pdf: bytes) -> None:
    fonts = fonts_of(certificate_pdf)
    assert fonts
    for font in fonts:
        assert "NotoSansCJKjp" in font["name"]
        assert font["files"] and font["files"][0] in ("/FontFile2", "/FontFile3")
    assert any("Bold" in font["name"] for font in fonts)
    assert any("Bold" not in font["name"] for font in fonts)


@pytest.mark.django_db
def test_certificate_pdf_is_pdfa_3b(certificate_pdf: bytes) -> None:
    xmp = xmp_of(certificate_pdf)
    assert re.search(r"pdfaid:part(=\"|>)3", xmp)
    assert re.search(r"pdfaid:conformance(=\"|>)B", xmp)
    assert certificate_pdf.startswith(b"%PDF-1.7")


@pytest.mark.django_db
def test_certificate_pdf_attaches_case_json(
    certificate_pdf: bytes, certificate_report: AuditReport, full_case: Certificate
) -> None:
    attachments = reader(certificate_pdf).attachments
    assert list(attachments) == ["audit-trail.json"]
    data = json.loads(attachments["audit-trail.json"][0])
    assert data["report"] == str(certificate_report.pk)
    assert data["certificate"]["reference"] == "S-01-servo"
    assert (
        data["versions"][0]["document"]["end_user"]["name_local"]
        == "浜松ドライブシステムズ株式会社"
    )
    assert data["screenings"][0]["result"]["band"] == "review"
    assert data["decisions"][0]["outcome"] == "approve"
    assert [e["hash"] for e in data["events"]] == list(
        AuditEvent.objects.filter(certificate=full_case)
        .order_by("id")
        .values_list("hash", flat=True)
    )
    assert data["chain_verification"]["passed"] is True


@pytest.mark.django_db
def test_certificate_pdf_declares_language(certificate_pdf: bytes) -> None:
    assert reader(certificate_pdf).trailer["/Root"]["/Lang"] == "ja"


@pytest.mark.django_db
def test_certificate_pdf_in_english(certificate_report: AuditReport) -> None:
    certificate_report.language = "en"
    text = text_of(render_certificate_report(certificate_report))
    assert "Audit trail of an end-user certificate" in text
    assert reader(render_certificate_report(certificate_report)).trailer["/Root"]["/Lang"] == "en"


@pytest.mark.django_db
def test_certificate_pdf_reports_broken_chain(certificate_report: AuditReport) -> None:
    AuditEvent.objects.filter(action="document.uploaded").update(data={"sha256": "forged"})
    pdf = render_certificate_report(certificate_report)
    data = json.loads(reader(pdf).attachments["audit-trail.json"][0])
    assert data["chain_verification"]["passed"] is False
    assert data["chain_verification"]["broken_event_id"] is not None


@pytest.mark.django_db
def test_period_pdf_lists_decisions(period_report: AuditReport) -> None:
    pdf = render_period_report(period_report)
    text = compact(text_of(pdf))
    assert "S-01-servo" in text
    assert "浜松ドライブシステムズ株式会社" in text
    assert "用途と数量は整合しており" in text
    data = json.loads(reader(pdf).attachments["audit-trail.json"][0])
    assert data["period"]["time_zone"] == "Asia/Tokyo"
    assert data["certificates"][0]["decisions"][0]["reviewer"] == "reviewer1"


@pytest.mark.django_db
def test_period_pdf_excludes_decisions_outside_period(period_report: AuditReport) -> None:
    period_report.period_start = period_report.period_end = period_report.period_start.replace(
        year=2020
    )
    text = compact(text_of(render_period_report(period_report)))
    assert "S-01-servo" not in text
