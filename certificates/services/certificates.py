"""Creating certificates and editing their draft versions."""

import logging
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from certificates.conversion import version_fill_from_document, version_to_document
from certificates.models import Certificate, CertificateVersion, Organisation, User
from certificates.services.audit import audit_event_record
from certificates.services.errors import WorkflowError
from certificates.workflow import EDITABLE_STATES, Status

logger = logging.getLogger(__name__)


def _require_importer(actor: User, importer: Organisation) -> None:
    if not actor.is_importer or actor.organisation_id != importer.pk:
        raise WorkflowError(_("Only a user of the importing organisation can do this."))


def certificate_create(
    *, actor: User, importer: Organisation, document: dict[str, Any], source: str = "form"
) -> Certificate:
    """Store a validated, normalised `euc/1` document as a new draft certificate."""
    _require_importer(actor, importer)
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                importer=importer, reference=document["reference"], created_by=actor
            )
            version = CertificateVersion(certificate=certificate, number=1, created_by=actor)
            version.save()
            version_fill_from_document(version, document)
            audit_event_record(
                action="certificate.created",
                actor=actor,
                certificate=certificate,
                target=certificate,
                to_state=Status.DRAFT,
                data={"source": source, "document": document},
            )
    except IntegrityError as error:
        raise WorkflowError(
            _(
                "A certificate with the reference “%(reference)s” exists already. Choose another reference."
            )
            % {"reference": document["reference"]}
        ) from error
    logger.info("certificate %s created by user %s", certificate.pk, actor.pk)
    return certificate


def certificate_update_draft(
    *, actor: User, certificate: Certificate, document: dict[str, Any]
) -> None:
    """Replace the content of the certificate's draft version."""
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        _require_importer(actor, locked.importer)
        if locked.status not in EDITABLE_STATES:
            raise WorkflowError(
                _("Only a draft can be edited. This certificate has been submitted.")
            )
        version = locked.versions.order_by("-number").first()
        assert version is not None and not version.is_frozen
        before = version_to_document(version)
        if document["reference"] != locked.reference:
            if Certificate.objects.filter(
                importer=locked.importer, reference=document["reference"]
            ).exists():
                raise WorkflowError(
                    _(
                        "A certificate with the reference “%(reference)s” exists already. Choose another reference."
                    )
                    % {"reference": document["reference"]}
                )
            locked.reference = document["reference"]
            locked.save(update_fields=["reference", "updated_at"])
        version.parties.all().delete()
        version.items.all().delete()
        version.declared_uses.all().delete()
        version_fill_from_document(version, document)
        audit_event_record(
            action="certificate.edited",
            actor=actor,
            certificate=locked,
            target=version,
            data={"version": version.number, "before": before, "after": document},
        )
