"""Re-screening when a new ruleset version is deployed."""

import logging

from django.db import IntegrityError, transaction

from certificates.services.audit import audit_event_record
from screening.engine import RULESET_VERSION
from screening.models import RulesetActivation, ScreeningResult

logger = logging.getLogger(__name__)


def ruleset_activate(version: str = RULESET_VERSION) -> bool:
    """Record the first run of a ruleset version and queue re-screening if results predate it.

    Returns whether this call recorded the version. A database without results
    under another version (a new installation) records it without re-screening.
    Concurrent callers race on the unique version, and only the winner queues.
    """
    if RulesetActivation.objects.filter(version=version).exists():
        return False
    outdated = ScreeningResult.objects.exclude(ruleset=version).exists()
    try:
        with transaction.atomic():
            activation = RulesetActivation.objects.create(version=version)
            audit_event_record(
                action="ruleset.activated",
                actor=None,
                target=activation,
                data={"version": version, "rescreening": outdated},
            )
            if outdated:
                transaction.on_commit(lambda: _queue_rescreening(version))
    except IntegrityError:
        logger.info("ruleset %s was activated by another worker at the same time", version)
        return False
    logger.info("ruleset %s activated, re-screening queued: %s", version, outdated)
    return True


def _queue_rescreening(version: str) -> None:
    from screening.tasks import rescreen_all

    rescreen_all.delay(reason=f"ruleset {version}")
