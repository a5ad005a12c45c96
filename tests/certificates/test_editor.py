"""The certificate editor over HTTP: what Japanese users type, and errors by field."""

import json
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from certificates.models import Certificate

pytestmark = pytest.mark.django_db


def _form(**overrides: str) -> dict[str, str]:
    data = {
        "general-reference": "ED-1",
        "general-language": "ja",
        "general-final_destination": "JP",
        "importer-name_local": "関西マグネティクス商事株式会社",
        "end_user-name_local": "浜松ドライブシステムズ株式会社",
        "intermediaries-TOTAL_FORMS": "0",
        "intermediaries-INITIAL_FORMS": "0",
        "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "0",
        "items-0-description": "Sintered NdFeB magnets",
        "items-0-quantity": "３００",
        "declared_uses-TOTAL_FORMS": "1",
        "declared_uses-INITIAL_FORMS": "0",
        "declared_uses-0-description": "サーボモーター用",
        "signatory-signed_on": "２０２６年２月１２日",
        "general-contract_date": "2026/02/10",
    }
    data.update(overrides)
    return data


@pytest.fixture
def client(importer) -> Client:
    client = Client()
    client.force_login(importer)
    return client


def test_japanese_dates_and_full_width_digits(client, reference_data):
    response = client.post(
        reverse("certificate-create"),
        _form(**{"end_user-corporate_number": "４０１０００１２３４５６７"}),
    )
    assert response.status_code == 302
    version = Certificate.objects.get(reference="ED-1").versions.get()
    assert version.signed_on == date(2026, 2, 12)
    assert version.contract_date == date(2026, 2, 10)
    assert version.items.get().quantity == 300
    assert version.parties.get(kind="end_user").corporate_number == "4010001234567"


def test_bad_corporate_number_named_and_input_kept(client, reference_data):
    response = client.post(
        reverse("certificate-create"), _form(**{"end_user-corporate_number": "4010001234568"})
    )
    assert response.status_code == 400
    page = response.content.decode()
    form = response.context["editor"].parties["end_user"]
    assert "corporate_number" in form.errors
    assert "浜松ドライブシステムズ株式会社" in page
    assert not Certificate.objects.filter(reference="ED-1").exists()


def test_missing_items_reported(client, reference_data):
    response = client.post(reverse("certificate-create"), _form(**{"items-0-description": ""}))
    assert response.status_code == 400
    assert any(field == "items" for field, _ in response.context["editor"].extra_errors)


def test_bad_date_names_field(client, reference_data):
    response = client.post(
        reverse("certificate-create"), _form(**{"signatory-signed_on": "2026年13月40日"})
    )
    assert response.status_code == 400
    assert "signed_on" in response.context["editor"].signatory.errors


def test_add_row_without_javascript(client, reference_data):
    response = client.post(reverse("certificate-create"), _form(add_item="1"))
    assert response.status_code == 200
    assert len(response.context["editor"].items.forms) == 2
    assert not Certificate.objects.exists()


def test_duplicate_reference_keeps_form(client, reference_data):
    assert client.post(reverse("certificate-create"), _form()).status_code == 302
    response = client.post(reverse("certificate-create"), _form())
    assert response.status_code == 400
    assert Certificate.objects.filter(reference="ED-1").count() == 1


def test_json_upload_errors_by_field(client, reference_data, document):
    document["items"] = []
    document["unknown"] = 1
    upload = ("doc.json", json.dumps(document).encode())
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("certificate-upload-json"),
        {"file": SimpleUploadedFile(*upload, content_type="application/json")},
    )
    assert response.status_code == 400
    fields = {error.field for error in response.context["errors"]}
    assert "items" in fields
    assert "unknown" in fields
    assert not Certificate.objects.exists()


def test_json_upload_creates_draft(client, reference_data, document):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "doc.json",
        json.dumps(document, ensure_ascii=False).encode(),
        content_type="application/json",
    )
    response = client.post(reverse("certificate-upload-json"), {"file": upload})
    assert response.status_code == 302
    assert Certificate.objects.get(reference=document["reference"]).status == "draft"


def test_upload_rejects_non_pdf(client, draft):
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = draft.documents.count()
    fake = SimpleUploadedFile(
        "statement.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = client.post(
        reverse("document-upload", args=[draft.pk]),
        {"kind": "signed_statement", "file": fake},
        follow=True,
    )
    assert draft.documents.count() == before
    assert any("PDF" in str(message) for message in response.context["messages"])


def test_all_errors_reported_in_one_save(client, reference_data):
    data = _form(
        **{
            "signatory-signed_on": "2026年13月40日",
            "end_user-corporate_number": "4010001234568",
            "items-0-control_code": "ガリウム",
        }
    )
    response = client.post(reverse("certificate-create"), data)
    assert response.status_code == 400
    editor = response.context["editor"]
    assert "signed_on" in editor.signatory.errors
    assert "corporate_number" in editor.parties["end_user"].errors
    assert "control_code" in editor.items.forms[0].errors


def test_same_file_twice_is_refused(client, draft):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from certificates import demo

    pdf = demo.demo_statement_pdf(draft.reference)
    before = draft.documents.count()
    response = client.post(
        reverse("document-upload", args=[draft.pk]),
        {
            "kind": "supporting",
            "file": SimpleUploadedFile("again.pdf", pdf, content_type="application/pdf"),
        },
        follow=True,
    )
    assert draft.documents.count() == before
    assert any("statement.pdf" in str(message) for message in response.context["messages"])
