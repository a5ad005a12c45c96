"""Certificate states and the transitions between them.

This table is the single source that services, templates (which buttons to
show) and tests read; a transition not listed here is refused.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("certificate status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("certificate status", "Submitted")
    IN_REVIEW = "in_review", pgettext_lazy("certificate status", "In review")
    INFO_REQUESTED = "info_requested", pgettext_lazy("certificate status", "Information requested")
    APPROVED = "approved", pgettext_lazy("certificate status", "Approved")
    REJECTED = "rejected", pgettext_lazy("certificate status", "Rejected")
    FLAGGED = "flagged", pgettext_lazy("certificate status", "Flagged")
    EXPIRED = "expired", pgettext_lazy("certificate status", "Expired")
    REVOKED = "revoked", pgettext_lazy("certificate status", "Revoked")


class Role(models.TextChoices):
    IMPORTER = "importer", _("Importer")
    REVIEWER = "reviewer", _("Reviewer")
    AUDITOR = "auditor", _("Auditor")


class Action(models.TextChoices):
    SUBMIT = "submit", _("Submit")
    START_REVIEW = "start_review", _("Start review")
    APPROVE = "approve", _("Approve")
    REJECT = "reject", _("Reject")
    REQUEST_INFO = "request_info", _("Request information")
    AMEND = "amend", _("Amend")
    FLAG = "flag", _("Flag after re-screening")
    EXPIRE = "expire", _("Expire")
    REVOKE = "revoke", _("Revoke")


# (action, from state) -> (to state, role allowed to act; None means the system)
TRANSITIONS: dict[tuple[str, str], tuple[str, str | None]] = {
    (Action.SUBMIT, Status.DRAFT): (Status.SUBMITTED, Role.IMPORTER),
    (Action.START_REVIEW, Status.SUBMITTED): (Status.IN_REVIEW, Role.REVIEWER),
    (Action.START_REVIEW, Status.FLAGGED): (Status.IN_REVIEW, Role.REVIEWER),
    (Action.APPROVE, Status.IN_REVIEW): (Status.APPROVED, Role.REVIEWER),
    (Action.REJECT, Status.IN_REVIEW): (Status.REJECTED, Role.REVIEWER),
    (Action.REQUEST_INFO, Status.IN_REVIEW): (Status.INFO_REQUESTED, Role.REVIEWER),
    (Action.AMEND, Status.INFO_REQUESTED): (Status.DRAFT, Role.IMPORTER),
    (Action.FLAG, Status.APPROVED): (Status.FLAGGED, None),
    (Action.EXPIRE, Status.APPROVED): (Status.EXPIRED, None),
    (Action.REVOKE, Status.APPROVED): (Status.REVOKED, Role.REVIEWER),
}

OPEN_STATES = (Status.SUBMITTED, Status.IN_REVIEW, Status.INFO_REQUESTED, Status.FLAGGED)
EDITABLE_STATES = (Status.DRAFT,)
REVIEWABLE_STATES = (Status.SUBMITTED, Status.IN_REVIEW, Status.FLAGGED)


def target_state(action: str, current: str) -> str | None:
    entry = TRANSITIONS.get((action, current))
    return entry[0] if entry else None


def allowed_actions(current: str, role: str) -> list[str]:
    return [
        action
        for (action, state), (_, who) in TRANSITIONS.items()
        if state == current and who == role
    ]
