import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from certificates.models.certificate import Certificate, CertificateVersion


class DocumentKind(models.TextChoices):
    SIGNED_STATEMENT = "signed_statement", _("Signed statement")
    SUPPORTING = "supporting", _("Supporting document")


def document_path(instance: "Document", filename: str) -> str:
    # The user's file name is kept in original_name only, so that nothing
    # a user typed ever becomes part of a path on disk.
    return f"documents/{instance.certificate_id}/{uuid.uuid4().hex}.pdf"


class Document(models.Model):
    certificate = models.ForeignKey(
        Certificate,
        verbose_name=_("certificate"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    version = models.ForeignKey(
        CertificateVersion,
        verbose_name=_("version"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to=document_path)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["certificate", "uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
