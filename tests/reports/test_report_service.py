import hashlib
from datetime import date
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings

from certificates.models import AuditEvent, AuditReport, Certificate, ReportStatus, User
from certificates.reports import RenderError
from certificates.services.errors import WorkflowError
from certificates.services.reports import (
    audit_report_file,
    audit_report_render,
    audit_report_request,
)
from certificates.tasks import render_audit_report


@pytest.mark.django_db
def test_request_queues_render_after_commit(
    auditor: User, full_case: Certificate, django_capture_on_commit_callbacks
) -> None:
    with (
        mock.patch.object(render_audit_report, "delay") as delay,
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        report = audit_report_request(actor=auditor, certificate=full_case)
        delay.assert_not_called()
    assert len(callbacks) == 1
    delay.assert_called_once_with(str(report.pk))
    assert report.status == ReportStatus.PENDING
    assert (
        AuditEvent.objects.filter(action="report.requested", object_id=str(report.pk)).count() == 1
    )


@pytest.mark.django_db
def test_request_rejects_importer(importer_user: User, full_case: Certificate) -> None:
    with pytest.raises(WorkflowError):
        audit_report_request(actor=importer_user, certificate=full_case)
    assert not AuditReport.objects.exists()


@pytest.mark.django_db
def test_request_accepts_reviewer_period(reviewer: User) -> None:
    with mock.patch.object(render_audit_report, "delay"):
        report = audit_report_request(
            actor=reviewer, period_start=date(2026, 3, 1), period_end=date(2026, 3, 31)
        )
    assert report.certificate is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "end"),
    [(date(2026, 3, 31), date(2026, 3, 1)), (date(2026, 3, 1), None), (None, None)],
)
def test_request_rejects_invalid_period(
    auditor: User, start: date | None, end: date | None
) -> None:
    with pytest.raises(WorkflowError):
        audit_report_request(actor=auditor, period_start=start, period_end=end)


@pytest.mark.django_db
def test_request_rejects_unknown_language(auditor: User, full_case: Certificate) -> None:
    with pytest.raises(WorkflowError):
        audit_report_request(actor=auditor, certificate=full_case, language="xx")


@pytest.mark.django_db
def test_render_writes_file_and_marks_ready(certificate_report: AuditReport) -> None:
    assert audit_report_render(report_id=str(certificate_report.pk)) == ReportStatus.READY
    certificate_report.refresh_from_db()
    path = Path(settings.MEDIA_ROOT) / certificate_report.file_path
    content = path.read_bytes()
    assert certificate_report.status == ReportStatus.READY
    assert certificate_report.progress == 100
    assert certificate_report.file_path == f"reports/{certificate_report.pk}.pdf"
    assert certificate_report.sha256 == hashlib.sha256(content).hexdigest()
    assert certificate_report.size == len(content)
    assert not list(path.parent.glob(f".{certificate_report.pk}.*"))
    event = AuditEvent.objects.get(action="report.rendered", object_id=str(certificate_report.pk))
    assert event.actor == certificate_report.requested_by
    assert event.certificate == certificate_report.certificate


@pytest.mark.django_db
def test_render_twice_leaves_ready_report_alone(certificate_report: AuditReport) -> None:
    audit_report_render(report_id=str(certificate_report.pk))
    with mock.patch("certificates.services.reports.source_to_pdf") as render:
        assert audit_report_render(report_id=str(certificate_report.pk)) == ReportStatus.READY
    render.assert_not_called()
    assert AuditEvent.objects.filter(action="report.rendered").count() == 1


@pytest.mark.django_db
def test_render_skips_report_rendering_elsewhere(certificate_report: AuditReport) -> None:
    from django.utils import timezone

    AuditReport.objects.filter(pk=certificate_report.pk).update(
        status=ReportStatus.RENDERING, started_at=timezone.now()
    )
    with mock.patch("certificates.services.reports.source_to_pdf") as render:
        assert audit_report_render(report_id=str(certificate_report.pk)) == ReportStatus.RENDERING
    render.assert_not_called()


@pytest.mark.django_db
def test_render_failure_marks_failed(certificate_report: AuditReport) -> None:
    with mock.patch(
        "certificates.services.reports.source_to_pdf",
        side_effect=RenderError("no glyph for U+10FFFD"),
    ):
        assert audit_report_render(report_id=str(certificate_report.pk)) == ReportStatus.FAILED
    certificate_report.refresh_from_db()
    assert certificate_report.status == ReportStatus.FAILED
    assert "U+10FFFD" in certificate_report.error
    assert not certificate_report.file_path
    assert AuditEvent.objects.filter(action="report.failed").count() == 1


@pytest.mark.django_db
def test_task_runs_render_directly(certificate_report: AuditReport) -> None:
    assert render_audit_report.apply(args=(str(certificate_report.pk),)).get() == ReportStatus.READY


@pytest.mark.django_db
def test_file_returns_path_and_records_download(
    certificate_report: AuditReport, auditor: User
) -> None:
    audit_report_render(report_id=str(certificate_report.pk))
    certificate_report.refresh_from_db()
    path = audit_report_file(actor=auditor, report=certificate_report)
    assert path.read_bytes().startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="report.downloaded").count() == 1


@pytest.mark.django_db
def test_file_rejects_importer_and_pending(
    certificate_report: AuditReport, auditor: User, importer_user: User
) -> None:
    with pytest.raises(WorkflowError):
        audit_report_file(actor=auditor, report=certificate_report)
    audit_report_render(report_id=str(certificate_report.pk))
    certificate_report.refresh_from_db()
    with pytest.raises(WorkflowError):
        audit_report_file(actor=importer_user, report=certificate_report)


@pytest.mark.django_db
def test_file_rejects_path_outside_media_root(
    certificate_report: AuditReport, auditor: User
) -> None:
    certificate_report.status = ReportStatus.READY
    certificate_report.file_path = "../../pyproject.toml"
    with pytest.raises(WorkflowError):
        audit_report_file(actor=auditor, report=certificate_report)
    certificate_report.file_path = "/etc/passwd"
    with pytest.raises(WorkflowError):
        audit_report_file(actor=auditor, report=certificate_report)
    assert not AuditEvent.objects.filter(action="report.downloaded").exists()


@pytest.mark.django_db
def test_redelivered_task_takes_over_rendering(certificate_report: AuditReport) -> None:
    """A worker killed mid-render leaves the row rendering; the redelivered message finishes it."""
    from django.utils import timezone

    AuditReport.objects.filter(pk=certificate_report.pk).update(
        status=ReportStatus.RENDERING, started_at=timezone.now(), progress=10
    )
    render_audit_report.push_request(delivery_info={"redelivered": True}, retries=0)  # type: ignore[call-arg]
    try:
        assert render_audit_report.run(str(certificate_report.pk)) == ReportStatus.READY
    finally:
        render_audit_report.pop_request()
    certificate_report.refresh_from_db()
    assert certificate_report.status == ReportStatus.READY


@pytest.mark.django_db
def test_stale_reports_are_found(certificate_report: AuditReport) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from certificates.services.reports import audit_reports_stale

    assert audit_reports_stale() == []
    AuditReport.objects.filter(pk=certificate_report.pk).update(
        status=ReportStatus.RENDERING, started_at=timezone.now() - timedelta(hours=1)
    )
    assert audit_reports_stale() == [str(certificate_report.pk)]
