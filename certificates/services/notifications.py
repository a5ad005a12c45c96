"""E-mails to the people a state change concerns, each in the recipient's language."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import translation

from certificates.models import Certificate, Decision, User

logger = logging.getLogger(__name__)


def _send(recipients: QuerySet[User], template: str, context: dict[str, object]) -> None:
    """Send one mail per language, to the active recipients who have an address."""
    by_language: dict[str, list[str]] = {}
    for email, language in (
        recipients.filter(is_active=True).exclude(email="").values_list("email", "language")
    ):
        by_language.setdefault(language or settings.LANGUAGE_CODE, []).append(email)
    for language, addresses in sorted(by_language.items()):
        with translation.override(language):
            subject = render_to_string(f"email/{template}_subject.txt", context).strip()
            body = render_to_string(f"email/{template}_body.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, addresses, fail_silently=False)
        logger.info("mail %s sent in %s to %d recipients", template, language, len(addresses))


def notify_importer_of_decision(certificate: Certificate, decision: Decision) -> None:
    """Queue the mail to the importer's users for after the decision commits."""
    certificate_id, decision_id = certificate.pk, decision.pk
    transaction.on_commit(lambda: _send_decision(certificate_id, decision_id))


def _send_decision(certificate_id: int, decision_id: int) -> None:
    certificate = Certificate.objects.get(pk=certificate_id)
    decision = Decision.objects.select_related("reviewer").get(pk=decision_id)
    recipients = User.objects.filter(organisation_id=certificate.importer_id)
    _send(recipients, "decision", {"certificate": certificate, "decision": decision})


def notify_reviewers_of_flag(certificate_id: int) -> None:
    certificate = Certificate.objects.get(pk=certificate_id)
    reviewer_ids = certificate.decisions.values_list("reviewer_id", flat=True)
    _send(User.objects.filter(pk__in=reviewer_ids), "flagged", {"certificate": certificate})
