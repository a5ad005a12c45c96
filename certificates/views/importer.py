"""Pages for importer users: write, upload and submit certificates."""

import json
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from certificates import demo
from certificates.conversion import version_to_document
from certificates.forms import CertificateEditor, DocumentUploadForm, JsonUploadForm
from certificates.interchange import (
    InterchangeError,
    load_document,
    normalise_document,
    validate_document,
)
from certificates.models import Certificate, User
from certificates.permissions import role_required
from certificates.selectors import certificate_get_for_user
from certificates.services.certificates import certificate_create, certificate_update_draft
from certificates.services.documents import document_upload
from certificates.services.errors import WorkflowError
from certificates.services.workflow import certificate_amend, certificate_submit
from certificates.workflow import Role, Status


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _editor_page(
    request: HttpRequest, editor: CertificateEditor, certificate: Certificate | None
) -> HttpResponse:
    status = 400 if request.method == "POST" and not editor.adding_row else 200
    return render(
        request,
        "certificates/edit.html",
        {"editor": editor, "certificate": certificate},
        status=status,
    )


def _save_from_editor(
    request: HttpRequest, editor: CertificateEditor, certificate: Certificate | None
) -> HttpResponse:
    """Validate the editor's document and store it; on any error show the form again, filled in."""
    user = _user(request)
    if editor.adding_row:
        return _editor_page(request, editor, certificate)
    if not editor.is_valid():
        editor.apply_errors(validate_document(normalise_document(editor.partial_document())))
        messages.error(
            request, _("The certificate was not saved. Correct the fields marked below.")
        )
        return _editor_page(request, editor, certificate)
    document = normalise_document(editor.to_document())
    errors = validate_document(document)
    if errors:
        editor.apply_errors(errors)
        messages.error(
            request, _("The certificate was not saved. Correct the fields marked below.")
        )
        return _editor_page(request, editor, certificate)
    try:
        if certificate is None:
            assert user.organisation is not None
            certificate = certificate_create(
                actor=user, importer=user.organisation, document=document
            )
        else:
            certificate_update_draft(actor=user, certificate=certificate, document=document)
    except WorkflowError as error:
        messages.error(request, str(error.message))
        return _editor_page(request, editor, certificate)
    messages.success(request, _("The draft was saved."))
    if "submit" in request.POST:
        return _submit(request, certificate)
    return redirect("certificate-detail", pk=certificate.pk)


@role_required(Role.IMPORTER)
def certificate_create_view(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _save_from_editor(request, CertificateEditor(request.POST), None)
    organisation = _user(request).organisation
    initial: dict[str, Any] = {}
    if organisation is not None:
        initial["importer"] = {
            "name": organisation.name,
            "name_local": organisation.name_local,
            "corporate_number": organisation.corporate_number,
            "country": organisation.country,
        }
    return _editor_page(request, CertificateEditor(document=initial), None)


@role_required(Role.IMPORTER)
def certificate_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = certificate_get_for_user(_user(request), pk)
    if certificate.status != Status.DRAFT:
        messages.error(
            request, _("Only a draft can be edited. This certificate has been submitted.")
        )
        return redirect("certificate-detail", pk=pk)
    if request.method == "POST":
        return _save_from_editor(request, CertificateEditor(request.POST), certificate)
    latest = certificate.versions.order_by("-number").first()
    assert latest is not None
    return _editor_page(
        request, CertificateEditor(document=version_to_document(latest)), certificate
    )


@role_required(Role.IMPORTER)
def certificate_json_template(request: HttpRequest) -> HttpResponse:
    """Serve an example euc/1 file with every field, for importers who generate files."""
    document = demo.demo_document("EXAMPLE-0001")
    body = json.dumps(document, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="euc-1-example.json"'
    return response


@role_required(Role.IMPORTER)
def certificate_upload_json(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = JsonUploadForm(request.POST or None, request.FILES or None)
    errors: list[Any] = []
    if request.method == "POST" and form.is_valid():
        try:
            document = normalise_document(load_document(form.cleaned_data["file"].read()))
            errors = validate_document(document)
            if not errors:
                assert user.organisation is not None
                certificate = certificate_create(
                    actor=user, importer=user.organisation, document=document, source="json"
                )
                messages.success(
                    request, _("The file was read and saved as a draft. Check it and submit it.")
                )
                return redirect("certificate-detail", pk=certificate.pk)
        except InterchangeError as error:
            errors = list(error.errors)
        except WorkflowError as error:
            form.add_error("file", str(error.message))
    status = 400 if request.method == "POST" else 200
    return render(
        request, "certificates/upload_json.html", {"form": form, "errors": errors}, status=status
    )


def _submit(request: HttpRequest, certificate: Certificate) -> HttpResponse:
    try:
        certificate_submit(
            actor=_user(request), certificate=certificate, note=request.POST.get("note", "")
        )
    except WorkflowError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request, _("The certificate was submitted and screened. Reviewers can see it now.")
        )
    return redirect("certificate-detail", pk=certificate.pk)


@require_POST
@role_required(Role.IMPORTER)
def certificate_submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _submit(request, certificate_get_for_user(_user(request), pk))


@require_POST
@role_required(Role.IMPORTER)
def certificate_amend_view(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = certificate_get_for_user(_user(request), pk)
    try:
        version = certificate_amend(actor=_user(request), certificate=certificate)
    except WorkflowError as error:
        messages.error(request, str(error.message))
        return redirect("certificate-detail", pk=pk)
    messages.success(
        request,
        _(
            "Version %(number)s was opened as a draft. Change what the reviewer asked for, then submit it again."
        )
        % {"number": version.number},
    )
    return redirect("certificate-edit", pk=pk)


@require_POST
@role_required(Role.IMPORTER)
def document_upload_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    certificate = certificate_get_for_user(user, pk)
    form = DocumentUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for field, field_errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else field
            messages.error(
                request,
                _("%(field)s: %(errors)s")
                % {"field": label, "errors": " ".join(str(e) for e in field_errors)},
            )
        return redirect("certificate-detail", pk=pk)
    try:
        document = document_upload(
            actor=user,
            certificate=certificate,
            kind=form.cleaned_data["kind"],
            upload=form.cleaned_data["file"],
        )
    except WorkflowError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request,
            _("%(name)s was uploaded (SHA-256 %(sha)s).")
            % {"name": document.original_name, "sha": document.sha256[:16] + "…"},
        )
    return redirect("certificate-detail", pk=pk)
