"""Recording that a list match is a false positive."""

from django.db import transaction
from django.utils.translation import gettext as _

from certificates.models import Certificate, User
from certificates.services.audit import audit_event_record
from certificates.services.errors import WorkflowError
from screening.models import Clearance, ScreeningTrigger, Watchlist
from screening.services.runs import screening_run
from screening.services.watchlists import list_entry_from_row


def clearance_record(
    *,
    actor: User,
    certificate: Certificate,
    list_slug: str,
    entry_id: str,
    party_name: str,
    reason: str,
) -> Clearance:
    """Store the clearance and screen the certificate's current version again.

    Later screenings still show the match, marked as cleared by whom and why,
    until a later version of the list changes the entry (see entry_content_hash).
    """
    if not actor.is_reviewer:
        raise WorkflowError(_("Only a reviewer can clear a match."))
    if not reason.strip():
        raise WorkflowError(_("Write why the match is a false positive."))
    watchlist = Watchlist.objects.filter(slug=list_slug).first()
    if watchlist is None:
        raise WorkflowError(_("The list “%(list)s” does not exist.") % {"list": list_slug})
    with transaction.atomic():
        clearance = Clearance.objects.create(
            watchlist=watchlist,
            entry_id=entry_id,
            party_name=party_name,
            reason=reason.strip(),
            entry_hash=entry_content_hash(watchlist, entry_id),
            cleared_by=actor,
        )
        audit_event_record(
            action="clearance.recorded",
            actor=actor,
            certificate=certificate,
            target=clearance,
            data={
                "list": list_slug,
                "entry": entry_id,
                "party": party_name,
                "reason": clearance.reason,
            },
        )
        version = certificate.versions.exclude(submitted_at=None).order_by("-number").first()
        if version is not None:
            screening_run(
                certificate=certificate, version=version, trigger=ScreeningTrigger.RESCREENING
            )
    return clearance


def entry_content_hash(watchlist: Watchlist, entry_id: str) -> str:
    """Return the content hash of the entry in the list's current version, or "" if it has none.

    NOTE: a clearance of an entry missing from the current version stores "",
    and such a clearance applies whatever the entry later contains.
    """
    version = watchlist.current_version()
    row = None if version is None else version.entries.filter(entry_id=entry_id).first()
    if row is None:
        return ""
    return list_entry_from_row(row).content_hash()
