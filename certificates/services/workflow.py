"""State changes of a certificate: one function per transition.

Each function locks the certificate row, checks the actor's role and the
current state against the transition table, saves with update_fields and
writes the audit event, all in one transaction, so that two reviewers acting
at once cannot both decide.
"""

import logging
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.models import (
    BAND_RANK,
    FOUR_EYES_BANDS,
    Certificate,
    CertificateVersion,
    Decision,
    DocumentKind,
    Outcome,
    User,
)
from certificates.selectors import approvals_in_round
from certificates.services import notifications
from certificates.services.audit import audit_event_record
from certificates.services.errors import WorkflowError
from certificates.workflow import REVIEWABLE_STATES, Action, Status, target_state

logger = logging.getLogger(__name__)


def _lock(certificate: Certificate) -> Certificate:
    return Certificate.objects.select_for_update().select_related("importer").get(pk=certificate.pk)


def _transition(certificate: Certificate, action: str) -> str:
    target = target_state(action, certificate.status)
    if target is None:
        raise WorkflowError(
            _("This action is not possible while the certificate is “%(status)s”. Reload the page.")
            % {"status": certificate.get_status_display()}
        )
    return target


def _set_status(certificate: Certificate, status: str, *extra_fields: str) -> None:
    certificate.status = status
    certificate.save(update_fields=["status", "updated_at", *extra_fields])


def _latest_version(certificate: Certificate) -> CertificateVersion:
    version = certificate.versions.order_by("-number").first()
    assert version is not None, "a certificate always has a version"
    return version


def certificate_submit(
    *, actor: User, certificate: Certificate, note: str = "", statement_required: bool = True
) -> Certificate:
    """Freeze the draft version, screen it and put the certificate in the review queue.

    The note is the importer's reply when the version amends an earlier one.
    Bulk imports pass statement_required=False because they arrive without files.
    """
    from screening.services import screening_run

    with transaction.atomic():
        locked = _lock(certificate)
        if not actor.is_importer or actor.organisation_id != locked.importer_id:
            raise WorkflowError(
                _("Only a user of the importing organisation can submit this certificate.")
            )
        target = _transition(locked, Action.SUBMIT)
        if (
            statement_required
            and not locked.documents.filter(kind=DocumentKind.SIGNED_STATEMENT).exists()
        ):
            raise WorkflowError(
                _("Upload the signed statement as a PDF before you submit the certificate.")
            )
        version = _latest_version(locked)
        version.submitted_at = timezone.now()
        version.save(update_fields=["submitted_at"])
        previous = locked.status
        locked.submitted_at = version.submitted_at
        _set_status(locked, target, "submitted_at")
        audit_event_record(
            action="certificate.submitted",
            actor=actor,
            certificate=locked,
            target=version,
            from_state=previous,
            to_state=target,
            data={"version": version.number, "note": note.strip()},
        )
        screening_run(certificate=locked, version=version, trigger="submission")
    logger.info("certificate %s submitted as version %s", locked.pk, version.number)
    return locked


def _require_reviewer(actor: User, certificate: Certificate) -> None:
    if not actor.is_reviewer:
        raise WorkflowError(_("Only a reviewer can decide on a certificate."))
    if actor.organisation_id is not None and actor.organisation_id == certificate.importer_id:
        raise WorkflowError(
            _("You cannot review a certificate that your own organisation submitted.")
        )


def _ensure_in_review(actor: User, certificate: Certificate) -> None:
    if certificate.status not in REVIEWABLE_STATES:
        raise WorkflowError(
            _(
                "This certificate is “%(status)s” and is not waiting for a decision. Reload the page."
            )
            % {"status": certificate.get_status_display()}
        )
    if certificate.status != Status.IN_REVIEW:
        previous = certificate.status
        _set_status(certificate, _transition(certificate, Action.START_REVIEW))
        audit_event_record(
            action="certificate.review_started",
            actor=actor,
            certificate=certificate,
            target=certificate,
            from_state=previous,
            to_state=certificate.status,
        )


def _require_reason(reason: str) -> str:
    cleaned = reason.strip()
    if not cleaned:
        raise WorkflowError(_("Write the reason for your decision."))
    return cleaned


def _record_decision(actor: User, certificate: Certificate, outcome: str, reason: str) -> Decision:
    version = _latest_version(certificate)
    return Decision.objects.create(
        certificate=certificate,
        version=version,
        screening=version.screenings.order_by("-created_at", "-id").first(),
        reviewer=actor,
        outcome=outcome,
        reason=reason,
    )


def certificate_approve(*, actor: User, certificate: Certificate, reason: str) -> Certificate:
    """Approve; in band high or prohibited the approval counts only with a second reviewer's."""
    reason = _require_reason(reason)
    with transaction.atomic():
        locked = _lock(certificate)
        _require_reviewer(actor, locked)
        _ensure_in_review(actor, locked)
        earlier = list(approvals_in_round(locked).values_list("reviewer_id", flat=True))
        if actor.pk in earlier:
            raise WorkflowError(
                _(
                    "You have approved this version already. A second, different reviewer must approve it."
                )
            )
        decision = _record_decision(actor, locked, Outcome.APPROVE, reason)
        needs_second = locked.band in FOUR_EYES_BANDS and not earlier
        if needs_second:
            audit_event_record(
                action="certificate.approval_recorded",
                actor=actor,
                certificate=locked,
                target=decision,
                from_state=locked.status,
                to_state=locked.status,
                data={"reason": reason, "band": locked.band, "approvals": 1},
            )
            return locked
        previous = locked.status
        locked.decided_at = timezone.now()
        _set_status(locked, _transition(locked, Action.APPROVE), "decided_at")
        audit_event_record(
            action="certificate.approved",
            actor=actor,
            certificate=locked,
            target=decision,
            from_state=previous,
            to_state=locked.status,
            data={"reason": reason, "band": locked.band, "approvals": len(earlier) + 1},
        )
        notifications.notify_importer_of_decision(locked, decision)
    return locked


def _decide(
    actor: User, certificate: Certificate, action: str, outcome: str, reason: str
) -> Certificate:
    reason = _require_reason(reason)
    with transaction.atomic():
        locked = _lock(certificate)
        _require_reviewer(actor, locked)
        _ensure_in_review(actor, locked)
        target = _transition(locked, action)
        decision = _record_decision(actor, locked, outcome, reason)
        previous = locked.status
        locked.decided_at = timezone.now()
        _set_status(locked, target, "decided_at")
        audit_event_record(
            action=f"certificate.{'info_requested' if outcome == Outcome.REQUEST_INFO else 'rejected'}",
            actor=actor,
            certificate=locked,
            target=decision,
            from_state=previous,
            to_state=target,
            data={"reason": reason},
        )
        notifications.notify_importer_of_decision(locked, decision)
    return locked


def certificate_reject(*, actor: User, certificate: Certificate, reason: str) -> Certificate:
    return _decide(actor, certificate, Action.REJECT, Outcome.REJECT, reason)


def certificate_request_info(*, actor: User, certificate: Certificate, reason: str) -> Certificate:
    return _decide(actor, certificate, Action.REQUEST_INFO, Outcome.REQUEST_INFO, reason)


def certificate_amend(*, actor: User, certificate: Certificate) -> CertificateVersion:
    """Open a new draft version, a copy of the last one, to answer a request for information."""
    from certificates.conversion import version_fill_from_document, version_to_document

    with transaction.atomic():
        locked = _lock(certificate)
        if not actor.is_importer or actor.organisation_id != locked.importer_id:
            raise WorkflowError(
                _("Only a user of the importing organisation can amend this certificate.")
            )
        target = _transition(locked, Action.AMEND)
        previous_version = _latest_version(locked)
        version = CertificateVersion(
            certificate=locked, number=previous_version.number + 1, created_by=actor
        )
        version.save()
        version_fill_from_document(version, version_to_document(previous_version))
        previous = locked.status
        _set_status(locked, target)
        audit_event_record(
            action="certificate.amended",
            actor=actor,
            certificate=locked,
            target=version,
            from_state=previous,
            to_state=target,
            data={"version": version.number, "copied_from": previous_version.number},
        )
    return version


def certificate_revoke(*, actor: User, certificate: Certificate, reason: str) -> Certificate:
    reason = _require_reason(reason)
    with transaction.atomic():
        locked = _lock(certificate)
        _require_reviewer(actor, locked)
        target = _transition(locked, Action.REVOKE)
        decision = _record_decision(actor, locked, Outcome.REVOKE, reason)
        previous = locked.status
        _set_status(locked, target)
        audit_event_record(
            action="certificate.revoked",
            actor=actor,
            certificate=locked,
            target=decision,
            from_state=previous,
            to_state=target,
            data={"reason": reason},
        )
        notifications.notify_importer_of_decision(locked, decision)
    return locked


def certificate_set_band(*, certificate: Certificate, band: str) -> str | None:
    """Store a new screening band; flag an approved certificate whose band rose.

    Returns the previous band. Called by the screening service inside its transaction.
    """
    previous_band = certificate.band or None
    certificate.band = band
    certificate.band_rank = BAND_RANK.get(band, 9)  # type: ignore[call-overload]
    certificate.save(update_fields=["band", "band_rank", "updated_at"])
    rose = previous_band is not None and BAND_RANK[band] < BAND_RANK[previous_band]  # type: ignore[index]
    if rose and certificate.status == Status.APPROVED:
        previous = certificate.status
        _set_status(certificate, _transition(certificate, Action.FLAG))
        audit_event_record(
            action="certificate.flagged",
            actor=None,
            certificate=certificate,
            target=certificate,
            from_state=previous,
            to_state=certificate.status,
            data={"band_before": previous_band, "band_after": band},
        )
        transaction.on_commit(lambda: notifications.notify_reviewers_of_flag(certificate.pk))
    return previous_band


def certificates_expire(*, today: date | None = None) -> int:
    """Move approved certificates whose validity has ended to expired."""
    today = today or timezone.localdate()
    expired = 0
    candidates = Certificate.objects.filter(status=Status.APPROVED).values_list("pk", flat=True)
    for pk in list(candidates):
        with transaction.atomic():
            locked = Certificate.objects.select_for_update().get(pk=pk)
            version = _latest_version(locked)
            if (
                locked.status != Status.APPROVED
                or not version.valid_until
                or version.valid_until >= today
            ):
                continue
            _set_status(locked, _transition(locked, Action.EXPIRE))
            audit_event_record(
                action="certificate.expired",
                actor=None,
                certificate=locked,
                target=locked,
                from_state=Status.APPROVED,
                to_state=Status.EXPIRED,
                data={"valid_until": version.valid_until.isoformat()},
            )
            expired += 1
    return expired
