"""Every URL as every role: no user sees or changes what their role does not allow."""

import pytest
from django.test import Client
from django.urls import reverse

from certificates.models import AuditReport, Certificate
from certificates.services.workflow import certificate_submit

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def case(draft, importer):
    return certificate_submit(actor=importer, certificate=draft)


@pytest.fixture
def report(case, auditor):
    return AuditReport.objects.create(certificate=case, requested_by=auditor)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def read_urls(case: Certificate, report: AuditReport) -> dict[str, str]:
    document = case.documents.get()
    return {
        "list": reverse("certificate-list"),
        "detail": reverse("certificate-detail", args=[case.pk]),
        "version": reverse("certificate-version", args=[case.pk, 1]),
        "document": reverse("document-download", args=[document.pk]),
        "queue": reverse("review-queue"),
        "report-status": reverse("report-status", args=[report.pk]),
        "report-json": reverse("report-status-json", args=[report.pk]),
        "report-period": reverse("report-period"),
        "chain": reverse("audit-chain"),
        "watchlists": reverse("watchlist-list"),
        "new": reverse("certificate-create"),
        "upload-json": reverse("certificate-upload-json"),
        "example-json": reverse("certificate-json-template"),
    }


# url name -> roles that may open it (others get 404; anonymous users go to login)
EXPECTED = {
    "list": {"importer", "reviewer", "auditor"},
    "detail": {"importer", "reviewer", "auditor"},
    "version": {"importer", "reviewer", "auditor"},
    "document": {"importer", "reviewer", "auditor"},
    "queue": {"reviewer"},
    "report-status": {"reviewer", "auditor"},
    "report-json": {"reviewer", "auditor"},
    "report-period": {"reviewer", "auditor"},
    "chain": {"reviewer", "auditor"},
    "watchlists": {"reviewer", "auditor"},
    "new": {"importer"},
    "upload-json": {"importer"},
    "example-json": {"importer"},
}


def test_every_url_as_every_role(case, report, importer, reviewer, auditor):
    urls = read_urls(case, report)
    assert set(urls) == set(EXPECTED)
    for role, user in (("importer", importer), ("reviewer", reviewer), ("auditor", auditor)):
        client = client_for(user)
        for name, url in urls.items():
            status = client.get(url).status_code
            if role in EXPECTED[name]:
                assert status == 200, f"{role} should open {name}, got {status}"
            else:
                assert status == 404, f"{role} must not open {name}, got {status}"


def test_anonymous_is_sent_to_login(case, report):
    client = Client()
    for name, url in read_urls(case, report).items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("login")), name


def test_other_importer_sees_nothing_of_ours(case, report, other_importer):
    client = client_for(other_importer)
    urls = read_urls(case, report)
    for name in ("detail", "version", "document", "report-status", "report-json"):
        assert client.get(urls[name]).status_code == 404, name
    listing = client.get(urls["list"]).content.decode()
    assert case.reference not in listing


def test_other_importer_cannot_act_on_ours(case, other_importer):
    client = client_for(other_importer)
    for name in ("certificate-submit", "certificate-amend", "document-upload", "certificate-edit"):
        response = client.post(reverse(name, args=[case.pk]), {"reason": "x"})
        assert response.status_code == 404, name
    assert Certificate.objects.get(pk=case.pk).status == case.status


def test_auditor_cannot_decide_over_http(case, auditor):
    client = client_for(auditor)
    response = client.post(
        reverse("certificate-decide", args=[case.pk, "approve"]), {"reason": "x"}
    )
    assert response.status_code == 404
    assert Certificate.objects.get(pk=case.pk).status == case.status


def test_importer_cannot_request_audit_pdf(case, importer):
    response = client_for(importer).post(reverse("report-request", args=[case.pk]))
    assert response.status_code == 404
    assert not AuditReport.objects.filter(certificate=case, requested_by=importer).exists()


def test_reviewer_decides_over_http(case, reviewer):
    client = client_for(reviewer)
    response = client.post(
        reverse("certificate-decide", args=[case.pk, "approve"]), {"reason": "用途妥当"}
    )
    assert response.status_code == 302
    assert Certificate.objects.get(pk=case.pk).status == "approved"


def test_unknown_decision_is_404(case, reviewer):
    response = client_for(reviewer).post(
        reverse("certificate-decide", args=[case.pk, "delete"]), {"reason": "x"}
    )
    assert response.status_code == 404


def test_period_report_page_shows_form(auditor):
    page = client_for(auditor).get(reverse("report-period")).content.decode()
    assert 'name="period_start"' in page
    assert 'name="period_end"' in page


def test_importer_sees_no_screening_detail(case, importer):
    client = client_for(importer)
    page = client.get(reverse("certificate-detail", args=[case.pk])).content.decode()
    screening = case.screenings.get()
    findings = [
        f for category in screening.result["categories"].values() for f in category["findings"]
    ]
    assert findings, "the fixture certificate must have findings for this test to mean anything"
    for finding in findings:
        assert finding["rule"] not in page
    assert "certificate.screened" not in page


def test_importer_band_filter_is_ignored(case, importer):
    other_band = "prohibited" if case.band != "prohibited" else "clear"
    page = (
        client_for(importer).get(reverse("certificate-list"), {"band": other_band}).content.decode()
    )
    assert case.reference in page


def test_reviewer_sees_screening_detail(case, reviewer):
    page = client_for(reviewer).get(reverse("certificate-detail", args=[case.pk])).content.decode()
    rules = [
        f["rule"]
        for c in case.screenings.get().result["categories"].values()
        for f in c["findings"]
    ]
    for rule in rules:
        assert rule in page


def test_first_approver_sees_no_approve_button(create_draft, importer, reviewer, make_document):
    from certificates.services.workflow import certificate_approve

    uses = make_document()["declared_uses"]
    uses[0]["description"] = "誘導ミサイルの操舵用アクチュエータに使用"
    certificate = certificate_submit(
        actor=importer, certificate=create_draft("T-4EYES", declared_uses=uses)
    )
    certificate_approve(actor=reviewer, certificate=certificate, reason="一次確認")
    page = (
        client_for(reviewer)
        .get(reverse("certificate-detail", args=[certificate.pk]))
        .content.decode()
    )
    assert "/decide/approve/" not in page
    assert "/decide/reject/" in page


def test_example_json_is_valid(importer):
    from certificates.interchange import load_document, validate_document

    response = client_for(importer).get(reverse("certificate-json-template"))
    assert response.status_code == 200
    assert validate_document(load_document(response.content)) == []
