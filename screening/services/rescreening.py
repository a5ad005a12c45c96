import logging
from typing import Any

from django.utils import timezone

from certificates.conversion import version_to_document
from certificates.models import Certificate
from certificates.workflow import OPEN_STATES, Status
from screening.models import ScreeningTrigger
from screening.services.runs import screening_preview, screening_run

logger = logging.getLogger(__name__)


def certificate_rescreen(*, certificate_id: int) -> bool:
    """Screen a certificate's submitted version again; store a result when the outcome changed.

    Returns whether a new result was stored.
    """
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None or certificate.status not in (*OPEN_STATES, Status.APPROVED):
        return False
    version = certificate.versions.exclude(submitted_at=None).order_by("-number").first()
    if version is None:
        return False
    if (
        certificate.status == Status.APPROVED
        and version.valid_until
        and version.valid_until < timezone.localdate()
    ):
        return False
    latest = version.screenings.order_by("-created_at", "-id").first()
    fresh = screening_preview(version_to_document(version))
    if latest is not None and _outcome(latest.result) == _outcome(fresh):
        return False
    screening_run(certificate=certificate, version=version, trigger=ScreeningTrigger.RESCREENING)
    return True


def _outcome(result: dict[str, Any]) -> tuple[Any, ...]:
    findings = sorted(
        (finding["rule"], finding["field"], finding["points"], str(finding.get("entry")))
        for category in result["categories"].values()
        for finding in category["findings"]
    )
    return (result["band"], result["score"], tuple(findings))
