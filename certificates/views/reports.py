"""Audit-trail PDFs: request, progress and download; and the audit-chain check."""

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from certificates.forms import PeriodReportForm
from certificates.models import AuditReport, ReportStatus, User
from certificates.permissions import role_required
from certificates.selectors import certificate_get_for_user, report_get_for_user
from certificates.services.audit import audit_chain_verify
from certificates.services.errors import WorkflowError
from certificates.services.reports import audit_report_file, audit_report_request
from certificates.workflow import Role

REPORT_ROLES = (Role.AUDITOR, Role.REVIEWER)


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@require_POST
@role_required(*REPORT_ROLES)
def report_request_certificate(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = certificate_get_for_user(_user(request), pk)
    try:
        report = audit_report_request(
            actor=_user(request),
            certificate=certificate,
            language=translation.get_language() or "ja",
        )
    except WorkflowError as error:
        messages.error(request, str(error.message))
        return redirect("certificate-detail", pk=pk)
    return redirect("report-status", pk=report.pk)


@role_required(*REPORT_ROLES)
def report_period(request: HttpRequest) -> HttpResponse:
    form = PeriodReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = audit_report_request(
                actor=_user(request),
                period_start=form.cleaned_data["period_start"],
                period_end=form.cleaned_data["period_end"],
                language=translation.get_language() or "ja",
            )
        except WorkflowError as error:
            messages.error(request, str(error.message))
        else:
            return redirect("report-status", pk=report.pk)
    reports = AuditReport.objects.filter(requested_by=_user(request)).select_related("certificate")[
        :20
    ]
    return render(request, "audit/report_list.html", {"form": form, "reports": reports})


@role_required(*REPORT_ROLES)
def report_status(request: HttpRequest, pk: str) -> HttpResponse:
    report = report_get_for_user(_user(request), pk)
    return render(
        request, "audit/report_status.html", {"report": report, "ReportStatus": ReportStatus}
    )


@role_required(*REPORT_ROLES)
def report_status_json(request: HttpRequest, pk: str) -> JsonResponse:
    report = report_get_for_user(_user(request), pk)
    return JsonResponse(
        {
            "status": report.status,
            "status_display": report.get_status_display(),
            "progress": report.progress,
            "error": report.error,
            "download_url": reverse("report-download", args=[report.pk])
            if report.status == ReportStatus.READY
            else None,
        }
    )


@role_required(*REPORT_ROLES)
def report_download(request: HttpRequest, pk: str) -> HttpResponseBase:
    report = report_get_for_user(_user(request), pk)
    if report.status != ReportStatus.READY:
        messages.info(request, _("The PDF is still being prepared. This page shows its progress."))
        return redirect("report-status", pk=report.pk)
    path = audit_report_file(actor=_user(request), report=report)
    name = f"audit-trail-{report.certificate.reference if report.certificate else 'period'}-{str(report.pk)[:8]}.pdf"
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=name, content_type="application/pdf"
    )


@role_required(Role.AUDITOR, Role.REVIEWER)
def audit_chain(request: HttpRequest) -> HttpResponse:
    checked, broken = audit_chain_verify()
    return render(request, "audit/chain.html", {"checked": checked, "broken": broken})
