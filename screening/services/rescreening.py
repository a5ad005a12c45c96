import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.utils import timezone

from certificates.conversion import version_to_document
from certificates.models import Certificate, CertificateVersion
from certificates.workflow import OPEN_STATES, Status
from screening.models import ScreeningResult, ScreeningTrigger
from screening.services.runs import (
    registry_records_per_document,
    screen_in_context,
    screening_context,
    screening_store,
)

logger = logging.getLogger(__name__)

RESCREENED_STATES = (*OPEN_STATES, Status.APPROVED)


@dataclass(frozen=True)
class _Candidate:
    certificate: Certificate
    version: CertificateVersion
    latest: ScreeningResult | None


def certificate_rescreen(*, certificate_id: int) -> bool:
    """Screen a certificate's submitted version again; store a result when the outcome changed.

    Returns whether a new result was stored.
    """
    return certificates_rescreen([certificate_id]) == 1


def certificates_rescreen(certificate_ids: Sequence[int]) -> int:
    """Screen many certificates' submitted versions again; store results where the outcome changed.

    Skips certificates that are neither open nor approved, that have no
    submitted version, or that are approved but past their validity. Loads the
    lists, catalogue, clearances and the certificates' rows once for the whole
    batch. Returns how many new results were stored.
    """
    started = time.perf_counter()
    candidates = _candidates(certificate_ids)
    if not candidates:
        return 0
    context = screening_context()
    documents = [version_to_document(candidate.version) for candidate in candidates]
    registries = registry_records_per_document(documents)
    changed = 0
    for candidate, document, registry in zip(candidates, documents, registries, strict=True):
        fresh = screen_in_context(document, context, registry)
        latest = candidate.latest
        if latest is not None and _outcome(latest.result) == _outcome(fresh):
            continue
        screening_store(
            certificate=candidate.certificate,
            version=candidate.version,
            result=fresh,
            trigger=ScreeningTrigger.RESCREENING,
        )
        changed += 1
    logger.info(
        "re-screened %d of %d certificates in %.2fs, %d new results",
        len(candidates),
        len(certificate_ids),
        time.perf_counter() - started,
        changed,
    )
    return changed


def _candidates(certificate_ids: Sequence[int]) -> list[_Candidate]:
    """Load the certificates to screen, their latest submitted versions and latest results.

    Seven queries for the whole batch: certificates, version ids, versions,
    their parties, items and declared uses, and the latest results.
    """
    certificates = Certificate.objects.filter(
        pk__in=certificate_ids, status__in=RESCREENED_STATES
    ).in_bulk()
    versions = _latest_submitted_versions(list(certificates))
    latest = _latest_results([version.pk for version in versions.values()])
    today = timezone.localdate()
    candidates = []
    # In the caller's order, so that the audit trail lists them as queued.
    for pk in certificate_ids:
        certificate = certificates.get(pk)
        version = versions.get(pk)
        if certificate is None or version is None:
            continue
        if (
            certificate.status == Status.APPROVED
            and version.valid_until
            and version.valid_until < today
        ):
            continue
        # version_to_document reads version.certificate.reference; this saves a query.
        version.certificate = certificate
        candidates.append(_Candidate(certificate, version, latest.get(version.pk)))
    return candidates


def _latest_submitted_versions(certificate_ids: list[int]) -> dict[int, CertificateVersion]:
    """Return each certificate's highest-numbered submitted version, by certificate id."""
    latest_ids: dict[int, int] = {}
    rows = (
        CertificateVersion.objects.filter(
            certificate_id__in=certificate_ids, submitted_at__isnull=False
        )
        .order_by("certificate_id", "-number")
        .values_list("certificate_id", "pk")
    )
    for certificate_id, version_id in rows:
        latest_ids.setdefault(certificate_id, version_id)
    versions = CertificateVersion.objects.filter(pk__in=latest_ids.values()).prefetch_related(
        "parties", "items", "declared_uses"
    )
    return {version.certificate_id: version for version in versions}


def _latest_results(version_ids: list[int]) -> dict[int, ScreeningResult]:
    """Return each version's newest stored result, by version id."""
    results = ScreeningResult.objects.filter(version_id__in=version_ids).order_by(
        "version_id", "-created_at", "-id"
    )
    if connection.features.can_distinct_on_fields:
        # PostgreSQL returns one row per version; elsewhere the loop below
        # keeps the first, newest row of each version.
        results = results.distinct("version_id")
    latest: dict[int, ScreeningResult] = {}
    for result in results:
        latest.setdefault(result.version_id, result)
    return latest


def _outcome(result: dict[str, Any]) -> tuple[Any, ...]:
    findings = sorted(
        (finding["rule"], finding["field"], finding["points"], str(finding.get("entry")))
        for category in result["categories"].values()
        for finding in category["findings"]
    )
    return (result["band"], result["score"], tuple(findings))
