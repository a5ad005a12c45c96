"""Background jobs of the certificates app: audit-trail PDFs and expiry."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import OperationalError

logger = logging.getLogger(__name__)

# Seconds. A certificate report of a few hundred events renders in a few
# seconds; the limits stop a runaway layout without cutting a large period short.
RENDER_SOFT_TIME_LIMIT = 540
RENDER_TIME_LIMIT = 600
RENDER_MAX_RETRIES = 5
RENDER_MAX_BACKOFF = 300


@shared_task(
    bind=True,
    acks_late=True,
    max_retries=RENDER_MAX_RETRIES,
    soft_time_limit=RENDER_SOFT_TIME_LIMIT,
    time_limit=RENDER_TIME_LIMIT,
)
def render_audit_report(self, report_id: str) -> str:
    """Render one AuditReport; safe to deliver twice, retried only on database errors."""
    from certificates.services.reports import audit_report_fail, audit_report_render

    # A redelivered message means the worker that held it was lost (killed,
    # out of memory, restarted), so the row it left "rendering" is taken over.
    redelivered = bool((self.request.delivery_info or {}).get("redelivered"))
    try:
        return audit_report_render(
            report_id=report_id, resume=self.request.retries > 0 or redelivered
        )
    except OperationalError as error:
        if self.request.retries >= self.max_retries:
            logger.error(
                "report %s: database error after %d retries: %s",
                report_id,
                self.request.retries,
                error,
            )
            audit_report_fail(report_id=report_id, message=f"database error: {error}")
            raise
        countdown = min(RENDER_MAX_BACKOFF, 5 * 2**self.request.retries)
        logger.warning(
            "report %s: database error, retry %d in %d s: %s",
            report_id,
            self.request.retries + 1,
            countdown,
            error,
        )
        raise self.retry(exc=error, countdown=countdown) from error
    except SoftTimeLimitExceeded:
        audit_report_fail(
            report_id=report_id, message=f"rendering timed out after {RENDER_SOFT_TIME_LIMIT} s"
        )
        return "failed"
    except Exception as error:
        # An unexpected error must not leave the report "rendering" forever;
        # it is re-raised so that the worker logs the traceback.
        logger.exception("report %s: unexpected error while rendering", report_id)
        audit_report_fail(report_id=report_id, message=f"{type(error).__name__}: {error}")
        raise


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def requeue_stale_reports() -> int:
    """Queue again every report left pending or rendering for longer than a render may take."""
    from certificates.services.reports import audit_reports_stale

    stale = list(audit_reports_stale())
    for report_id in stale:
        render_audit_report.delay(str(report_id))
    if stale:
        logger.warning("queued %d stale audit-trail reports again", len(stale))
    return len(stale)


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def expire_certificates() -> int:
    """Move approved certificates whose validity has ended to expired."""
    from certificates.services.workflow import certificates_expire

    expired = certificates_expire()
    logger.info("%d certificates expired", expired)
    return expired
