"""E-mails to the people a state change concerns, in the site's language."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from certificates.models import Certificate, Decision, User

logger = logging.getLogger(__name__)


def _send(recipients: list[str], template: str, context: dict[str, object]) -> None:
    if not recipients:
        return
    # TODO: use each recipient's own language once users can choose one;
    # until then every mail goes out in the site's default language.
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"email/{template}_subject.txt", context).strip()
        body = render_to_string(f"email/{template}_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False)
    logger.info("mail %s sent to %d recipients", template, len(recipients))


def notify_importer_of_decision(certificate: Certificate, decision: Decision) -> None:
    """Queue the mail to the importer's users for after the decision commits."""
    certificate_id, decision_id = certificate.pk, decision.pk
    transaction.on_commit(lambda: _send_decision(certificate_id, decision_id))


def _send_decision(certificate_id: int, decision_id: int) -> None:
    certificate = Certificate.objects.get(pk=certificate_id)
    decision = Decision.objects.select_related("reviewer").get(pk=decision_id)
    recipients = list(
        User.objects.filter(organisation_id=certificate.importer_id, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    _send(recipients, "decision", {"certificate": certificate, "decision": decision})


def notify_reviewers_of_flag(certificate_id: int) -> None:
    certificate = Certificate.objects.get(pk=certificate_id)
    reviewer_ids = certificate.decisions.values_list("reviewer_id", flat=True)
    recipients = list(
        User.objects.filter(pk__in=reviewer_ids, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    _send(recipients, "flagged", {"certificate": certificate})
