"""Running the engine on stored certificates and on loose documents."""

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from certificates.conversion import version_to_document
from certificates.models import Certificate, CertificateVersion
from certificates.services.audit import audit_event_record
from screening.engine import ListIndex, Ruleset, load_ruleset, screen_document
from screening.engine.consistency import screened_parties
from screening.engine.registry import document_corporate_numbers
from screening.engine.types import CatalogueEntry as EngineCatalogueEntry
from screening.engine.types import Clearance as EngineClearance
from screening.engine.types import RegistryRecord
from screening.models import Clearance, ScreeningResult
from screening.services.indexes import current_catalogue, current_indexes
from screening.services.registry import registry_records

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScreeningContext:
    """The inputs that every screening of one batch shares.

    Building it costs several queries (lists, catalogue, clearances), so a
    re-screening batch builds it once instead of once per certificate.
    """

    indexes: list[ListIndex]
    catalogue_version: str
    catalogue: tuple[EngineCatalogueEntry, ...]
    ruleset: Ruleset
    today: date
    clearances: list[EngineClearance]


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


def screening_context() -> ScreeningContext:
    """Load the current list indexes, catalogue, ruleset and clearances."""
    catalogue_version, catalogue = current_catalogue()
    return ScreeningContext(
        indexes=current_indexes(),
        catalogue_version=catalogue_version,
        catalogue=catalogue,
        ruleset=load_ruleset(),
        today=timezone.localdate(),
        clearances=_clearances(),
    )


def screen_in_context(
    document: dict[str, Any],
    context: ScreeningContext,
    registry: dict[str, RegistryRecord] | None,
) -> dict[str, Any]:
    """Screen a validated document with inputs loaded earlier; store nothing.

    `registry` is what registry_records returns for the document's corporate numbers.
    """
    result = screen_document(
        document,
        indexes=context.indexes,
        catalogue=context.catalogue,
        ruleset=context.ruleset,
        today=context.today,
        clearances=context.clearances,
        registry=registry,
    )
    result["catalogue"] = context.catalogue_version
    return result


def _registry_numbers(document: dict[str, Any]) -> set[str]:
    return document_corporate_numbers(screened_parties(document))


def registry_records_per_document(
    documents: Sequence[dict[str, Any]],
) -> list[dict[str, RegistryRecord] | None]:
    """Look up the registry records of many documents in one query.

    Each item equals registry_records() of that document's own numbers: None
    when the document has no numbers or the registry is empty.
    """
    numbers = [_registry_numbers(document) for document in documents]
    every_number: set[str] = set().union(*numbers)
    found = registry_records(every_number)
    if found is None:
        return [None] * len(documents)
    return [
        {number: found[number] for number in own if number in found} if own else None
        for own in numbers
    ]


def screening_preview(document: dict[str, Any]) -> dict[str, Any]:
    """Screen a validated document without storing anything."""
    context = screening_context()
    return screen_in_context(document, context, registry_records(_registry_numbers(document)))


def screening_run(
    *, certificate: Certificate, version: CertificateVersion, trigger: str
) -> ScreeningResult:
    """Screen one stored version, store the result and update the certificate's band."""
    result = screening_preview(version_to_document(version))
    return screening_store(certificate=certificate, version=version, result=result, trigger=trigger)


def screening_result_row(
    *, certificate: Certificate, version: CertificateVersion, result: dict[str, Any], trigger: str
) -> ScreeningResult:
    """Build, without saving, the row that stores one engine result."""
    return ScreeningResult(
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


def screening_store(
    *,
    certificate: Certificate,
    version: CertificateVersion,
    result: dict[str, Any],
    trigger: str,
) -> ScreeningResult:
    """Store an engine result of one version, update the band and write the audit event.

    An approved certificate whose band rose goes to flagged (certificate_set_band).
    """
    from certificates.services.workflow import certificate_set_band

    with transaction.atomic():
        stored = screening_result_row(
            certificate=certificate, version=version, result=result, trigger=trigger
        )
        stored.save()
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
