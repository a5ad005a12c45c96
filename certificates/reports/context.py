"""The template context of the audit-trail PDF of one certificate."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext

from certificates.models import (
    AuditEvent,
    Certificate,
    CertificateVersion,
    Decision,
    Document,
    Party,
    PartyKind,
    User,
)
from certificates.reports.labels import (
    HEADINGS,
    band_label,
    bilingual,
    category_label,
    finding_message,
    headings,
)
from certificates.services.audit import audit_chain_verify
from certificates.workflow import Status
from screening.models import ScreeningResult


@dataclass(frozen=True)
class ChainCheck:
    """The result of verifying the whole audit chain while the report was rendered."""

    verified_at: Any
    events_checked: int
    passed: bool
    broken_event_id: int | None
    reason: str


def chain_check() -> ChainCheck:
    checked, broken = audit_chain_verify()
    return ChainCheck(
        verified_at=timezone.now(),
        events_checked=checked,
        passed=broken is None,
        broken_event_id=broken.event_id if broken else None,
        reason=broken.reason if broken else "",
    )


def user_label(user: User | None) -> str:
    if user is None:
        return gettext("system")
    full_name = user.get_full_name()
    return f"{full_name} ({user.get_username()})" if full_name else user.get_username()


def status_label(value: str) -> str:
    return str(Status(value).label) if value in Status.values else value


def screening_context(screening: ScreeningResult) -> dict[str, Any]:
    result = screening.result or {}
    categories = []
    for key, category in (result.get("categories") or {}).items():
        findings = [
            {**finding, "display_message": finding_message(finding)}
            for finding in category.get("findings") or []
        ]
        categories.append(
            {
                "key": key,
                "label": category_label(key),
                "score": category.get("score"),
                "findings": findings,
            }
        )
    return {
        "row": screening,
        "band_label": band_label(screening.band),
        "categories": categories,
        "lists": sorted((screening.list_versions or result.get("lists") or {}).items()),
    }


# Parties in the order of the goods' path, not the alphabetical order of the kind codes.
PARTY_ORDER = {
    kind: index
    for index, kind in enumerate(
        (
            PartyKind.EXPORTER,
            PartyKind.INTERMEDIARY,
            PartyKind.IMPORTER,
            PartyKind.CONSIGNEE,
            PartyKind.END_USER,
        )
    )
}


def _party_sort_key(party: Party) -> tuple[int, int]:
    return PARTY_ORDER.get(PartyKind(party.kind), len(PARTY_ORDER)), party.position


def version_context(version: CertificateVersion) -> dict[str, Any]:
    return {
        "row": version,
        "heading": bilingual(HEADINGS["version"], number=version.number),
        "parties": sorted(version.parties.all(), key=_party_sort_key),
        "items": list(version.items.all()),
        "declared_uses": list(version.declared_uses.all()),
        "undertakings": [
            (getattr(version._meta.get_field(name), "verbose_name", name), getattr(version, name))
            for name in (
                "no_military_use",
                "no_wmd_use",
                "no_transfer_without_consent",
                "no_reexport_without_consent",
            )
        ],
        "documents": list(version.documents.all()),
        "screenings": [screening_context(s) for s in version.screenings.all()],
    }


def event_context(event: AuditEvent) -> dict[str, Any]:
    return {
        "row": event,
        "actor": event.actor_label or gettext("system"),
        "from_state": status_label(event.from_state) if event.from_state else "",
        "to_state": status_label(event.to_state) if event.to_state else "",
    }


def certificate_report_context(certificate: Certificate) -> dict[str, Any]:
    """Build everything the certificate report template shows."""
    certificate = (
        Certificate.objects.select_related("importer", "created_by")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=CertificateVersion.objects.order_by("number").prefetch_related(
                    "parties",
                    "items",
                    "declared_uses",
                    Prefetch("documents", queryset=Document.objects.select_related("uploaded_by")),
                    Prefetch(
                        "screenings", queryset=ScreeningResult.objects.order_by("created_at", "id")
                    ),
                ),
            )
        )
        .get(pk=certificate.pk)
    )
    decisions = (
        Decision.objects.filter(certificate=certificate)
        .select_related("reviewer", "version", "screening")
        .order_by("created_at", "id")
    )
    events = AuditEvent.objects.filter(certificate=certificate).order_by("id")
    return {
        "certificate": certificate,
        "status_label": status_label(certificate.status),
        "band_label": band_label(certificate.band) if certificate.band else "",
        "versions": [version_context(v) for v in certificate.versions.all()],
        "decisions": [
            {
                "row": d,
                "reviewer": user_label(d.reviewer),
                "band_label": band_label(d.screening.band) if d.screening else "",
            }
            for d in decisions
        ],
        "events": [event_context(e) for e in events],
        "chain": chain_check(),
        "headings": headings(),
    }
