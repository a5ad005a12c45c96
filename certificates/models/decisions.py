from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from certificates.models.certificate import Certificate, CertificateVersion


class Outcome(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REJECT = "reject", _("Reject")
    REQUEST_INFO = "request_info", _("Request information")
    REVOKE = "revoke", _("Revoke")


class Decision(models.Model):
    """A reviewer's decision on one version; a four-eyes approval takes two rows."""

    certificate = models.ForeignKey(
        Certificate,
        verbose_name=_("certificate"),
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    version = models.ForeignKey(
        CertificateVersion,
        verbose_name=_("version"),
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    screening = models.ForeignKey(
        "screening.ScreeningResult",
        verbose_name=_("screening result"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["certificate", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.certificate} {self.outcome}"
