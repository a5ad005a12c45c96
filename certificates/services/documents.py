"""Uploading and downloading the signed statement and supporting documents."""

import hashlib
import logging

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from certificates.models import Certificate, Document, User
from certificates.services.audit import audit_event_record
from certificates.services.errors import WorkflowError
from certificates.workflow import Status

logger = logging.getLogger(__name__)

UPLOAD_STATES = (Status.DRAFT, Status.INFO_REQUESTED)


def _check_pdf(upload: UploadedFile) -> str:
    """Return the SHA-256 of a PDF upload; raise WorkflowError for anything else."""
    limit = settings.EUC_MAX_UPLOAD_BYTES
    if not upload.size:
        raise WorkflowError(_("The file is empty. Choose the PDF again."))
    if upload.size > limit:
        raise WorkflowError(
            _(
                "The file is %(size)s; the limit is %(limit)s. Scan at a lower resolution and upload it again."
            )
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    upload.seek(max(0, upload.size - 1024))
    if b"%%EOF" not in upload.read():
        raise WorkflowError(
            _("The file is not a complete PDF. Save the document as PDF again and upload it.")
        )
    upload.seek(0)
    digest = hashlib.sha256()
    first = True
    for chunk in upload.chunks():
        if first and not chunk.lstrip()[:5] == b"%PDF-":
            raise WorkflowError(
                _("Only PDF files can be uploaded. Save the document as PDF and upload it again.")
            )
        first = False
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def document_upload(
    *, actor: User, certificate: Certificate, kind: str, upload: UploadedFile
) -> Document:
    if not actor.is_importer or actor.organisation_id != certificate.importer_id:
        raise WorkflowError(_("Only a user of the importing organisation can upload documents."))
    sha256 = _check_pdf(upload)
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.status not in UPLOAD_STATES:
            raise WorkflowError(
                _(
                    "Documents can be uploaded while the certificate is a draft or information is requested."
                )
            )
        duplicate = locked.documents.filter(sha256=sha256).first()
        if duplicate is not None:
            raise WorkflowError(
                _("This file was uploaded already as “%(name)s” on %(when)s.")
                % {
                    "name": duplicate.original_name,
                    "when": date_format(timezone.localtime(duplicate.uploaded_at), "Y-m-d H:i"),
                }
            )
        version = locked.versions.order_by("-number").first()
        assert version is not None
        document = Document(
            certificate=locked,
            version=version,
            kind=kind,
            original_name=(upload.name or "document.pdf")[-255:],
            size=upload.size or 0,
            sha256=sha256,
            uploaded_by=actor,
        )
        document.file.save("upload.pdf", upload, save=False)
        document.save()
        audit_event_record(
            action="document.uploaded",
            actor=actor,
            certificate=locked,
            target=document,
            data={
                "name": document.original_name,
                "kind": kind,
                "sha256": sha256,
                "size": document.size,
            },
        )
    logger.info("document %s uploaded to certificate %s", document.pk, certificate.pk)
    return document


def document_record_download(*, actor: User, document: Document) -> None:
    audit_event_record(
        action="document.downloaded",
        actor=actor,
        certificate=document.certificate,
        target=document,
        data={"sha256": document.sha256},
    )
