"""Pages every role reaches: home, certificate list and case page, documents."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render

from certificates.conversion import document_changes, version_to_document
from certificates.forms import ClearanceForm, DocumentUploadForm, ReasonForm
from certificates.models import FOUR_EYES_BANDS, Band, Certificate, User
from certificates.permissions import role_required
from certificates.selectors import (
    QueueFilters,
    approvals_in_round,
    certificate_get_for_user,
    certificate_list,
    certificate_timeline,
    document_get_for_user,
    importers_visible_to,
    open_request,
    screening_visible_to,
    status_counts,
    version_get,
)
from certificates.services.documents import document_record_download
from certificates.workflow import REVIEWABLE_STATES, Role, Status
from screening.models import Watchlist
from screening.presentation import screening_for_display

PAGE_SIZE = 25
ALL_ROLES = (Role.IMPORTER, Role.REVIEWER, Role.AUDITOR)


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user.role == Role.REVIEWER:
        return redirect("review-queue")
    if user.role in (Role.IMPORTER, Role.AUDITOR):
        return redirect("certificate-list")
    return render(request, "certificates/no_role.html", status=403)


def filters_from(request: HttpRequest) -> QueueFilters:
    importer = request.GET.get("importer", "")
    return QueueFilters(
        band=request.GET.get("band", "") if request.GET.get("band", "") in Band.values else "",
        status=request.GET.get("status", "")
        if request.GET.get("status", "") in Status.values
        else "",
        importer=int(importer) if importer.isdigit() else None,
        query=request.GET.get("q", "").strip()[:100],
    )


def list_context(
    request: HttpRequest, queryset: QuerySet[Certificate], filters: QueueFilters
) -> dict[str, object]:
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "page": page,
        "filters": filters,
        "bands": Band.choices,
        "statuses": Status.choices,
        "importers": importers_visible_to(_user(request)),
        "querystring": query.urlencode(),
    }


@role_required(*ALL_ROLES)
def certificate_list_view(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    filters = filters_from(request)
    context = list_context(request, certificate_list(user, filters), filters)
    context["counts"] = status_counts(user)
    return render(request, "certificates/list.html", context)


@role_required(*ALL_ROLES)
def certificate_detail(request: HttpRequest, pk: int, number: int | None = None) -> HttpResponse:
    user = _user(request)
    certificate = certificate_get_for_user(user, pk)
    latest = certificate.versions.order_by("-number").first()
    assert latest is not None
    version = version_get(certificate, number if number is not None else latest.number)
    screenings = version.screenings.order_by("-created_at", "-id")
    shows_screening = screening_visible_to(user)
    approvals = (
        list(approvals_in_round(certificate)) if certificate.status in REVIEWABLE_STATES else []
    )
    changes = []
    if version.number > 1:
        previous = version_get(certificate, version.number - 1)
        changes = document_changes(version_to_document(previous), version_to_document(version))
    context = {
        "certificate": certificate,
        "version": version,
        "latest": latest,
        "is_latest": version.number == latest.number,
        "versions": certificate.versions.order_by("number"),
        "documents": certificate.documents.select_related("uploaded_by", "version"),
        "shows_screening": shows_screening,
        "screening": screening_for_display(screenings.first()) if shows_screening else None,
        "earlier_screenings": screenings[1:] if shows_screening else [],
        "decisions": certificate.decisions.select_related("reviewer", "version"),
        "events": certificate_timeline(user, certificate),
        "can_decide": user.role == Role.REVIEWER and certificate.status in REVIEWABLE_STATES,
        "approvals": approvals,
        "needs_four_eyes": certificate.band in FOUR_EYES_BANDS,
        "has_approved": any(decision.reviewer_id == user.pk for decision in approvals),
        "open_request": open_request(certificate),
        "changes": changes,
        "list_names": dict(Watchlist.objects.values_list("slug", "name")),
        "can_revoke": user.role == Role.REVIEWER and certificate.status == Status.APPROVED,
        "reports": certificate.reports.all()[:5] if user.role != Role.IMPORTER else [],
        "upload_form": DocumentUploadForm(),
        "reason_form": ReasonForm(),
        "clearance_form": ClearanceForm(),
        "Status": Status,
    }
    return render(request, "certificates/detail.html", context)


@role_required(*ALL_ROLES)
def document_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    user = _user(request)
    document = document_get_for_user(user, pk)
    document_record_download(actor=user, document=document)
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type="application/pdf",
    )
