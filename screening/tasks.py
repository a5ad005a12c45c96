"""Re-screening in the background after a list or the ruleset changes."""

import logging

from celery import shared_task
from django.db import OperationalError

from certificates.models import Certificate
from certificates.workflow import OPEN_STATES, Status

logger = logging.getLogger(__name__)

RESCREEN_BATCH = 200


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def rescreen_all(reason: str = "") -> int:
    """Queue a re-screening of every open or approved certificate, in batches."""
    states = [*OPEN_STATES, Status.APPROVED]
    ids = list(
        Certificate.objects.filter(status__in=states).order_by("pk").values_list("pk", flat=True)
    )
    for start in range(0, len(ids), RESCREEN_BATCH):
        rescreen_batch.delay(ids[start : start + RESCREEN_BATCH])
    logger.info("re-screening %d certificates (%s)", len(ids), reason)
    return len(ids)


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def rescreen_batch(certificate_ids: list[int]) -> int:
    """Re-screen one batch of certificates; return how many got a new result."""
    from screening.services.rescreening import certificates_rescreen

    return certificates_rescreen(certificate_ids)


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def activate_ruleset() -> bool:
    """Re-screen stored certificates once after a new ruleset version is deployed."""
    from screening.services.rulesets import ruleset_activate

    return ruleset_activate()
