"""Reads scoped to what each user may see.

Importer users see their own organisation's certificates only; reviewers and
auditors see all. Views never build role-scoped querysets themselves.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.http import Http404

from certificates.models import (
    AuditEvent,
    AuditReport,
    Certificate,
    CertificateVersion,
    Decision,
    Document,
    Organisation,
    Outcome,
    User,
)
from certificates.workflow import REVIEWABLE_STATES, Role, Status
from screening.models import ScreeningResult


def certificates_visible_to(user: User) -> QuerySet[Certificate]:
    queryset = Certificate.objects.select_related("importer")
    if user.role == Role.IMPORTER:
        if user.organisation_id is None:
            return queryset.none()
        return queryset.filter(importer_id=user.organisation_id)
    if user.role in (Role.REVIEWER, Role.AUDITOR):
        return queryset
    return queryset.none()


def certificate_get_for_user(user: User, pk: int) -> Certificate:
    """Return the certificate or raise 404, never 403, so ids of others stay unknown."""
    try:
        return certificates_visible_to(user).get(pk=pk)
    except Certificate.DoesNotExist as error:
        raise Http404 from error


@dataclass(frozen=True)
class QueueFilters:
    band: str = ""
    status: str = ""
    importer: int | None = None
    query: str = ""


def review_queue(user: User, filters: QueueFilters) -> QuerySet[Certificate]:
    """Certificates waiting for a decision, riskiest and oldest first."""
    queryset = certificates_visible_to(user)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    else:
        queryset = queryset.filter(status__in=[*REVIEWABLE_STATES])
    if filters.band:
        queryset = queryset.filter(band=filters.band)
    if filters.importer:
        queryset = queryset.filter(importer_id=filters.importer)
    if filters.query:
        queryset = queryset.filter(reference__icontains=filters.query)
    return queryset.order_by("band_rank", "submitted_at", "pk")


def certificate_list(user: User, filters: QueueFilters) -> QuerySet[Certificate]:
    queryset = certificates_visible_to(user)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    # Filtering by band would tell an importer the band it may not see.
    if filters.band and screening_visible_to(user):
        queryset = queryset.filter(band=filters.band)
    if filters.importer:
        queryset = queryset.filter(importer_id=filters.importer)
    if filters.query:
        queryset = queryset.filter(reference__icontains=filters.query)
    return queryset.order_by("-updated_at", "-pk")


def importers_visible_to(user: User) -> QuerySet[Organisation]:
    if user.role == Role.IMPORTER:
        return Organisation.objects.filter(pk=user.organisation_id or 0)
    return Organisation.objects.filter(certificates__isnull=False).distinct()


def version_get(certificate: Certificate, number: int) -> CertificateVersion:
    try:
        return certificate.versions.prefetch_related("parties", "items", "declared_uses").get(
            number=number
        )
    except CertificateVersion.DoesNotExist as error:
        raise Http404 from error


def document_get_for_user(user: User, pk: int) -> Document:
    try:
        return Document.objects.select_related("certificate").get(
            pk=pk, certificate__in=certificates_visible_to(user)
        )
    except Document.DoesNotExist as error:
        raise Http404 from error


def report_get_for_user(user: User, pk: str) -> AuditReport:
    """Audit-trail PDFs belong to auditors and reviewers; importers never see them."""
    if user.role not in (Role.AUDITOR, Role.REVIEWER):
        raise Http404
    try:
        return AuditReport.objects.select_related("certificate").get(pk=pk)
    except (AuditReport.DoesNotExist, ValueError) as error:
        raise Http404 from error


# Screening detail stays with the compliance side: an importer who saw which
# list entry matched could rewrite a name until it no longer does.
EVENTS_HIDDEN_FROM_IMPORTERS = (
    "certificate.screened",
    "clearance.recorded",
    "report.requested",
    "report.rendered",
    "report.failed",
    "report.downloaded",
)


def certificate_timeline(user: User, certificate: Certificate) -> QuerySet[AuditEvent]:
    events = certificate.events.select_related("actor").order_by("id")
    if user.role == Role.IMPORTER:
        events = events.exclude(action__in=EVENTS_HIDDEN_FROM_IMPORTERS)
    return events


def screening_visible_to(user: User) -> bool:
    return user.role in (Role.REVIEWER, Role.AUDITOR)


def approvals_in_round(certificate: Certificate) -> QuerySet[Decision]:
    """Approvals of the latest version since its latest screening.

    A re-screening that flags an approved certificate starts a new round, so
    approvals given before it no longer count towards the four eyes.
    """
    version = certificate.versions.order_by("-number").first()
    if version is None:
        return Decision.objects.none()
    latest = version.screenings.order_by("-created_at", "-id").first()
    since = latest.created_at if latest else version.created_at
    return Decision.objects.filter(
        certificate=certificate, version=version, outcome=Outcome.APPROVE, created_at__gte=since
    ).select_related("reviewer")


def approvals_in_rounds(certificates: Sequence[Certificate]) -> dict[int, list[Decision]]:
    """Return approvals_in_round for many certificates in three queries, by certificate id."""
    ids = [certificate.pk for certificate in certificates]
    versions: dict[int, CertificateVersion] = {}
    for version in CertificateVersion.objects.filter(certificate_id__in=ids).order_by(
        "certificate_id", "-number"
    ):
        versions.setdefault(version.certificate_id, version)
    screened: dict[int, datetime.datetime] = {}
    for version_id, created_at in (
        ScreeningResult.objects.filter(version_id__in=[v.pk for v in versions.values()])
        .order_by("version_id", "-created_at", "-id")
        .values_list("version_id", "created_at")
    ):
        screened.setdefault(version_id, created_at)
    rounds: dict[int, list[Decision]] = {pk: [] for pk in ids}
    decisions = Decision.objects.filter(
        version_id__in=[v.pk for v in versions.values()], outcome=Outcome.APPROVE
    ).select_related("reviewer")
    for decision in decisions.order_by("created_at", "id"):
        version = versions[decision.certificate_id]
        since = screened.get(version.pk, version.created_at)
        if decision.version_id == version.pk and decision.created_at >= since:
            rounds[decision.certificate_id].append(decision)
    return rounds


def open_request(certificate: Certificate) -> Decision | None:
    """Return the reviewer's request for information that the importer has not replied to yet."""
    if certificate.status not in (Status.INFO_REQUESTED, Status.DRAFT):
        return None
    latest = certificate.decisions.select_related("reviewer").order_by("-created_at", "-id").first()
    if latest is None or latest.outcome != Outcome.REQUEST_INFO:
        return None
    return latest


def status_counts(user: User) -> dict[str, int]:
    counts = dict.fromkeys(Status.values, 0)
    rows = certificates_visible_to(user).order_by().values("status").annotate(total=Count("pk"))
    for row in rows:
        counts[row["status"]] = row["total"]
    return counts
