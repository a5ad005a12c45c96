"""Readable, translated names for the dotted audit action codes."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "certificate.created": _("Certificate created"),
    "certificate.edited": _("Draft edited"),
    "certificate.submitted": _("Submitted"),
    "certificate.screened": _("Screened"),
    "certificate.review_started": _("Review started"),
    "certificate.approval_recorded": _("First approval recorded"),
    "certificate.approved": _("Approved"),
    "certificate.rejected": _("Rejected"),
    "certificate.info_requested": _("Information requested"),
    "certificate.amended": _("Amended"),
    "certificate.flagged": _("Flagged by re-screening"),
    "certificate.expired": _("Expired"),
    "certificate.revoked": _("Revoked"),
    "document.uploaded": _("Document uploaded"),
    "document.downloaded": _("Document downloaded"),
    "clearance.recorded": _("Clearance recorded"),
    "watchlist.imported": _("List imported"),
    "ruleset.activated": _("Ruleset activated"),
    "report.requested": _("Audit-trail PDF requested"),
    "report.rendered": _("Audit-trail PDF rendered"),
    "report.failed": _("Audit-trail PDF failed"),
    "report.downloaded": _("Audit-trail PDF downloaded"),
}


def action_label(code: str) -> str:
    return str(ACTION_LABELS.get(code, code))
