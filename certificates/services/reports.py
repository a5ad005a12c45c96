"""Requesting, rendering and downloading audit-trail PDFs.

The AuditReport row is the job. A request creates it as pending and queues
the render after the transaction commits. The worker moves it to rendering,
then to ready or failed. Every step also writes an audit event.
"""

import hashlib
import logging
import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.models import AuditReport, Certificate, ReportStatus, User
from certificates.reports import RenderError, report_source, source_to_pdf
from certificates.services.audit import audit_event_record
from certificates.services.errors import WorkflowError

logger = logging.getLogger(__name__)

REPORTS_FOLDER = "reports"
# Seconds after which a report still marked as rendering is taken to belong
# to a worker that died. The task's hard time limit (600 s) is shorter, so a
# live render has finished or been killed by then.
STALE_RENDERING_SECONDS = 15 * 60


def _require_report_reader(actor: User) -> None:
    if not (actor.is_auditor or actor.is_reviewer):
        raise WorkflowError(
            _("Only auditors and reviewers can request or download audit-trail PDFs.")
        )


def _validate_scope(
    certificate: Certificate | None, period_start: date | None, period_end: date | None
) -> None:
    has_period = period_start is not None or period_end is not None
    if certificate is not None and has_period:
        raise WorkflowError(_("Choose either a certificate or a period, not both."))
    if certificate is None and (period_start is None or period_end is None):
        raise WorkflowError(
            _("Choose a certificate, or both the first and the last day of a period.")
        )
    if period_start is not None and period_end is not None and period_start > period_end:
        raise WorkflowError(
            _("The period starts on %(start)s, after its last day %(end)s. Swap the two dates.")
            % {"start": period_start.isoformat(), "end": period_end.isoformat()}
        )


def audit_report_request(
    *,
    actor: User,
    certificate: Certificate | None = None,
    period_start: date | None = None,
    period_end: date | None = None,
    language: str = "ja",
) -> AuditReport:
    """Create a pending report for a certificate or a period and queue its render."""
    from certificates.tasks import render_audit_report

    _require_report_reader(actor)
    _validate_scope(certificate, period_start, period_end)
    if language not in {code for code, _name in settings.LANGUAGES}:
        raise WorkflowError(
            _("The language “%(language)s” is not available for PDFs.") % {"language": language}
        )
    with transaction.atomic():
        report = AuditReport.objects.create(
            certificate=certificate,
            period_start=period_start,
            period_end=period_end,
            language=language,
            requested_by=actor,
        )
        audit_event_record(
            action="report.requested",
            actor=actor,
            certificate=certificate,
            target=report,
            data={
                "report": str(report.pk),
                "period_start": period_start,
                "period_end": period_end,
                "language": language,
            },
        )
        report_id = str(report.pk)
        transaction.on_commit(lambda: render_audit_report.delay(report_id))
    logger.info("report %s requested by user %s", report.pk, actor.pk)
    return report


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT).resolve()


def report_path(report: AuditReport) -> Path:
    """Return the absolute path of a report's file, rejecting a path that leaves MEDIA_ROOT."""
    root = _media_root()
    path = (root / report.file_path).resolve()
    if not report.file_path or not path.is_relative_to(root):
        raise WorkflowError(_("The file of this PDF is missing. Request the PDF again."))
    return path


def audit_report_file(*, actor: User, report: AuditReport) -> Path:
    """Check that the actor may download a ready report, record the download and return its path."""
    _require_report_reader(actor)
    if report.status != ReportStatus.READY:
        raise WorkflowError(_("This PDF is not ready yet. Wait until its status is “Ready”."))
    path = report_path(report)
    if not path.is_file():
        raise WorkflowError(_("The file of this PDF is missing. Request the PDF again."))
    audit_event_record(
        action="report.downloaded",
        actor=actor,
        certificate=report.certificate,
        target=report,
        data={"report": str(report.pk), "sha256": report.sha256},
    )
    logger.info("report %s downloaded by user %s", report.pk, actor.pk)
    return path


def audit_reports_stale() -> list[str]:
    """Ids of reports still pending or rendering after STALE_RENDERING_SECONDS."""
    cutoff = timezone.now() - timedelta(seconds=STALE_RENDERING_SECONDS)
    stale = AuditReport.objects.filter(
        Q(status=ReportStatus.PENDING, created_at__lt=cutoff)
        | Q(status=ReportStatus.RENDERING, started_at__lt=cutoff)
    )
    return [str(pk) for pk in stale.values_list("pk", flat=True)]


def _claim(report_id: str, *, resume: bool) -> AuditReport | None:
    """Move a report from pending to rendering; return None when another delivery owns it."""
    with transaction.atomic():
        report = AuditReport.objects.select_for_update().get(pk=report_id)
        if report.status in (ReportStatus.READY, ReportStatus.FAILED):
            logger.info("report %s is %s already; nothing to do", report.pk, report.status)
            return None
        if report.status == ReportStatus.RENDERING and not resume:
            stale_before = timezone.now() - timedelta(seconds=STALE_RENDERING_SECONDS)
            if report.started_at is not None and report.started_at > stale_before:
                logger.info("report %s is being rendered by another delivery", report.pk)
                return None
            logger.warning(
                "report %s was left rendering since %s; rendering it again",
                report.pk,
                report.started_at,
            )
        report.status = ReportStatus.RENDERING
        report.progress = 10
        report.error = ""
        report.started_at = timezone.now()
        report.save(update_fields=["status", "progress", "error", "started_at"])
    return report


def _set_progress(report: AuditReport, progress: int) -> None:
    AuditReport.objects.filter(pk=report.pk).update(progress=progress)


def _write_atomically(report: AuditReport, pdf: bytes) -> str:
    """Write the PDF to a temporary file, move it into place; return its path under MEDIA_ROOT."""
    relative = f"{REPORTS_FOLDER}/{report.pk}.pdf"
    folder = _media_root() / REPORTS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    # Same folder, so os.replace is a rename on one file system and a reader
    # never sees a half-written file.
    with tempfile.NamedTemporaryFile(
        dir=folder, prefix=f".{report.pk}.", suffix=".tmp", delete=False
    ) as handle:
        temporary = Path(handle.name)
        try:
            handle.write(pdf)
            handle.flush()
            os.fsync(handle.fileno())
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    # Path.replace is os.replace: an atomic rename within one file system.
    temporary.replace(folder / f"{report.pk}.pdf")
    return relative


def _finish(report: AuditReport, pdf: bytes, relative_path: str) -> None:
    with transaction.atomic():
        locked = AuditReport.objects.select_for_update().get(pk=report.pk)
        locked.status = ReportStatus.READY
        locked.progress = 100
        locked.file_path = relative_path
        locked.sha256 = hashlib.sha256(pdf).hexdigest()
        locked.size = len(pdf)
        locked.finished_at = timezone.now()
        locked.save(
            update_fields=["status", "progress", "file_path", "sha256", "size", "finished_at"]
        )
        audit_event_record(
            action="report.rendered",
            actor=locked.requested_by,
            certificate=locked.certificate,
            target=locked,
            data={"report": str(locked.pk), "sha256": locked.sha256, "size": locked.size},
        )


def audit_report_fail(*, report_id: str, message: str) -> None:
    """Mark a report failed with the error message and record the failure."""
    with transaction.atomic():
        report = AuditReport.objects.select_for_update().get(pk=report_id)
        if report.status == ReportStatus.READY:
            return
        report.status = ReportStatus.FAILED
        report.error = message
        report.finished_at = timezone.now()
        report.save(update_fields=["status", "error", "finished_at"])
        audit_event_record(
            action="report.failed",
            actor=report.requested_by,
            certificate=report.certificate,
            target=report,
            data={"report": str(report.pk), "error": message},
        )
    logger.error("report %s failed: %s", report_id, message)


def audit_report_render(*, report_id: str, resume: bool = False) -> str:
    """Render a pending report to MEDIA_ROOT/reports/<id>.pdf; return its final status.

    `resume` is set on a retry, which takes over a report that its own
    earlier attempt left rendering. RenderError marks the report failed;
    OperationalError propagates so that the task can retry.
    """
    report = _claim(report_id, resume=resume)
    if report is None:
        return AuditReport.objects.values_list("status", flat=True).get(pk=report_id)
    logger.info("report %s rendering started", report.pk)
    try:
        source = report_source(report)
        _set_progress(report, 40)
        pdf = source_to_pdf(report, source)
        _set_progress(report, 80)
        relative_path = _write_atomically(report, pdf)
        _finish(report, pdf, relative_path)
    except RenderError as error:
        audit_report_fail(report_id=report_id, message=str(error))
        return ReportStatus.FAILED
    logger.info("report %s ready: %d bytes", report.pk, len(pdf))
    return ReportStatus.READY
