from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from certificates.models.organisations import Organisation
from certificates.workflow import Status


class Band(models.TextChoices):
    CLEAR = "clear", pgettext_lazy("screening band", "Clear")
    REVIEW = "review", pgettext_lazy("screening band", "Review")
    HIGH = "high", pgettext_lazy("screening band", "High")
    PROHIBITED = "prohibited", pgettext_lazy("screening band", "Prohibited")


# Queue order: the riskiest certificates first.
BAND_RANK = {Band.PROHIBITED: 0, Band.HIGH: 1, Band.REVIEW: 2, Band.CLEAR: 3}
FOUR_EYES_BANDS = (Band.HIGH, Band.PROHIBITED)


class Certificate(models.Model):
    """An end-user certificate; its content lives in numbered versions."""

    importer = models.ForeignKey(
        Organisation,
        verbose_name=_("importer"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    reference = models.CharField(_("reference"), max_length=100)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    band = models.CharField(
        _("band"), max_length=12, choices=Band.choices, blank=True, db_index=True
    )
    band_rank = models.PositiveSmallIntegerField(_("band rank"), default=9)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["band_rank", "submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["importer", "reference"], name="certificate_reference_unique_per_importer"
            )
        ]

    def __str__(self) -> str:
        return self.reference

    def latest_version(self) -> "CertificateVersion | None":
        return self.versions.order_by("-number").first()


class CertificateVersion(models.Model):
    """One version of a certificate's content; frozen once submitted."""

    certificate = models.ForeignKey(
        Certificate,
        verbose_name=_("certificate"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    language = models.CharField(
        _("statement language"),
        max_length=2,
        choices=[("ja", _("Japanese")), ("en", _("English")), ("zh", _("Chinese"))],
        default="ja",
    )
    contract_number = models.CharField(_("contract number"), max_length=100, blank=True)
    contract_date = models.DateField(_("contract date"), null=True, blank=True)
    final_destination = models.CharField(_("final destination"), max_length=2, default="JP")
    no_military_use = models.BooleanField(_("undertakes no military use"), default=False)
    no_wmd_use = models.BooleanField(
        _("undertakes no use for weapons of mass destruction"), default=False
    )
    no_transfer_without_consent = models.BooleanField(
        _("undertakes no transfer without consent"), default=False
    )
    no_reexport_without_consent = models.BooleanField(
        _("undertakes no re-export without consent"), default=False
    )
    signatory_name = models.CharField(_("signatory name"), max_length=200, blank=True)
    signatory_title = models.CharField(_("signatory title"), max_length=200, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate version")
        verbose_name_plural = _("certificate versions")
        ordering = ["certificate", "number"]
        constraints = [
            models.UniqueConstraint(fields=["certificate", "number"], name="version_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.certificate.reference} v{self.number}"

    @property
    def is_frozen(self) -> bool:
        return self.submitted_at is not None


class PartyKind(models.TextChoices):
    EXPORTER = "exporter", _("Exporter")
    IMPORTER = "importer", _("Importer")
    END_USER = "end_user", _("End user")
    CONSIGNEE = "consignee", _("Consignee")
    INTERMEDIARY = "intermediary", _("Intermediary")


class IntermediaryRole(models.TextChoices):
    DISTRIBUTOR = "distributor", _("Distributor")
    PROCESSOR = "processor", _("Processor")
    FREIGHT_FORWARDER = "freight_forwarder", _("Freight forwarder")
    AGENT = "agent", _("Agent")
    PURCHASER = "purchaser", _("Purchaser")


class Party(models.Model):
    version = models.ForeignKey(
        CertificateVersion,
        verbose_name=_("version"),
        on_delete=models.CASCADE,
        related_name="parties",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PartyKind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("name (Latin script)"), max_length=300, blank=True)
    name_local = models.CharField(_("name (own script)"), max_length=300, blank=True)
    corporate_number = models.CharField(_("corporate number"), max_length=13, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    address = models.CharField(_("address"), max_length=500, blank=True)
    business = models.CharField(_("business"), max_length=500, blank=True)
    parent = models.CharField(_("parent company"), max_length=300, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=IntermediaryRole.choices, blank=True)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["version", "kind", "position"]

    def __str__(self) -> str:
        return self.name_local or self.name


class Item(models.Model):
    version = models.ForeignKey(
        CertificateVersion,
        verbose_name=_("version"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    description = models.CharField(_("description"), max_length=500)
    control_code = models.CharField(_("control code"), max_length=20, blank=True)
    hs_code = models.CharField(_("HS code"), max_length=20, blank=True)
    quantity = models.DecimalField(
        _("quantity"), max_digits=16, decimal_places=3, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    specifications = models.TextField(_("specifications"), blank=True)

    class Meta:
        verbose_name = _("item")
        verbose_name_plural = _("items")
        ordering = ["version", "position"]

    def __str__(self) -> str:
        return self.description


class DeclaredUse(models.Model):
    version = models.ForeignKey(
        CertificateVersion,
        verbose_name=_("version"),
        on_delete=models.CASCADE,
        related_name="declared_uses",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    description = models.TextField(_("description"))
    sector = models.CharField(_("sector"), max_length=200, blank=True)
    end_product = models.CharField(_("end product"), max_length=200, blank=True)
    site = models.CharField(_("site"), max_length=300, blank=True)
    annual_quantity = models.DecimalField(
        _("annual quantity"), max_digits=16, decimal_places=3, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("declared use")
        verbose_name_plural = _("declared uses")
        ordering = ["version", "position"]

    def __str__(self) -> str:
        return self.description[:80]
