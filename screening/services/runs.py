"""Running the engine on stored certificates and on loose documents."""

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone

from certificates.conversion import version_to_document
from certificates.models import Certificate, CertificateVersion
from certificates.services.audit import audit_event_record
from screening.engine import load_ruleset, screen_document
from screening.engine.consistency import screened_parties
from screening.engine.registry import document_corporate_numbers
from screening.engine.types import Clearance as EngineClearance
from screening.models import Clearance, ScreeningResult
from screening.services.indexes import current_catalogue, current_indexes
from screening.services.registry import registry_records

logger = logging.getLogger(__name__)


def _clearances() -> list[EngineClearance]:
    return [
        EngineClearance(
            list_slug=row.watchlist.slug,
            entry_id=row.entry_id,
            party_name=row.party_name,
            reason=row.reason,
            cleared_by=row.cleared_by.get_username(),
            cleared_at=timezone.localtime(row.created_at).isoformat(timespec="minutes"),
            entry_hash=row.entry_hash,
        )
        for row in Clearance.objects.select_related("watchlist", "cleared_by")
    ]


def screening_preview(document: dict[str, Any]) -> dict[str, Any]:
    """Screen a validated document without storing anything."""
    catalogue_version, catalogue = current_catalogue()
    result = screen_document(
        document,
        indexes=current_indexes(),
        catalogue=catalogue,
        ruleset=load_ruleset(),
        today=timezone.localdate(),
        clearances=_clearances(),
        registry=registry_records(document_corporate_numbers(screened_parties(document))),
    )
    result["catalogue"] = catalogue_version
    return result


def screening_run(
    *, certificate: Certificate, version: CertificateVersion, trigger: str
) -> ScreeningResult:
    """Screen one stored version, store the result and update the certificate's band."""
    from certificates.services.workflow import certificate_set_band

    result = screening_preview(version_to_document(version))
    with transaction.atomic():
        stored = ScreeningResult.objects.create(
            certificate=certificate,
            version=version,
            band=result["band"],
            score=result["score"],
            result=result,
            ruleset=result["ruleset"],
            list_versions=result["lists"],
            catalogue_version=result.get("catalogue", ""),
            trigger=trigger,
        )
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        previous_band = certificate_set_band(certificate=locked, band=result["band"])
        audit_event_record(
            action="certificate.screened",
            actor=None,
            certificate=locked,
            target=stored,
            data={
                "version": version.number,
                "trigger": trigger,
                "band_before": previous_band,
                "band": result["band"],
                "score": result["score"],
                "ruleset": result["ruleset"],
                "lists": result["lists"],
            },
        )
        certificate.band = locked.band
        certificate.status = locked.status
    logger.info("certificate %s v%s screened: %s", certificate.pk, version.number, result["band"])
    return stored
