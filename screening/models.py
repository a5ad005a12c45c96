from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ListKind(models.TextChoices):
    MILITARY_END_USER = "military_end_user", _("Military end user")
    CONTROL_LIST = "control_list", _("Control list")
    UNRELIABLE_ENTITY = "unreliable_entity", _("Unreliable entity list")
    WATCH_LIST = "watch_list", _("Watch list")
    DEFENSE_INDUSTRY = "defense_industry", _("Defence industry")


class Watchlist(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    source = models.TextField(_("source"), blank=True)
    source_url = models.URLField(_("source URL"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("watchlist")
        verbose_name_plural = _("watchlists")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name

    def current_version(self) -> "WatchlistVersion | None":
        return self.versions.order_by("-number").first()


class WatchlistVersion(models.Model):
    """An import of a list; screenings record the version they used."""

    watchlist = models.ForeignKey(
        Watchlist, verbose_name=_("watchlist"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    sha256 = models.CharField(_("SHA-256 of the imported file"), max_length=64)
    entry_count = models.PositiveIntegerField(_("entries"), default=0)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("watchlist version")
        verbose_name_plural = _("watchlist versions")
        ordering = ["watchlist", "number"]
        constraints = [
            models.UniqueConstraint(fields=["watchlist", "number"], name="watchlist_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.watchlist.slug} v{self.number}"


class WatchlistEntry(models.Model):
    version = models.ForeignKey(
        WatchlistVersion,
        verbose_name=_("version"),
        on_delete=models.CASCADE,
        related_name="entries",
    )
    entry_id = models.CharField(_("entry id"), max_length=100)
    name = models.CharField(_("name"), max_length=500)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    corporate_number = models.CharField(_("corporate number"), max_length=13, blank=True)
    address = models.CharField(_("address"), max_length=500, blank=True)
    list_kind = models.CharField(_("list kind"), max_length=20, choices=ListKind.choices)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("watchlist entry")
        verbose_name_plural = _("watchlist entries")
        ordering = ["version", "entry_id"]
        constraints = [
            models.UniqueConstraint(fields=["version", "entry_id"], name="watchlist_entry_unique")
        ]

    def __str__(self) -> str:
        return self.name


class CatalogueEntry(models.Model):
    """A controlled item family of China's dual-use export control list."""

    code = models.CharField(_("control code"), max_length=20, unique=True)
    name = models.CharField(_("name (English)"), max_length=300)
    name_ja = models.CharField(_("name (Japanese)"), max_length=300, blank=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=300, blank=True)
    terms = models.JSONField(_("description terms"), default=list, blank=True)
    hs_codes = models.JSONField(_("HS codes"), default=list, blank=True)
    sensitivity = models.PositiveSmallIntegerField(_("sensitivity (1 low to 3 high)"), default=1)
    military_applications = models.TextField(_("military applications"), blank=True)
    source = models.TextField(_("source"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("catalogue entry")
        verbose_name_plural = _("catalogue entries")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class ScreeningTrigger(models.TextChoices):
    SUBMISSION = "submission", _("Submission")
    RESCREENING = "rescreening", _("Re-screening")


class ScreeningResult(models.Model):
    """The stored output of the engine for one certificate version."""

    certificate = models.ForeignKey(
        "certificates.Certificate",
        verbose_name=_("certificate"),
        on_delete=models.PROTECT,
        related_name="screenings",
    )
    version = models.ForeignKey(
        "certificates.CertificateVersion",
        verbose_name=_("version"),
        on_delete=models.PROTECT,
        related_name="screenings",
    )
    band = models.CharField(_("band"), max_length=12)
    score = models.PositiveSmallIntegerField(_("score"))
    result = models.JSONField(_("result"))
    ruleset = models.CharField(_("ruleset version"), max_length=20)
    list_versions = models.JSONField(_("list versions"), default=dict)
    catalogue_version = models.CharField(_("catalogue version"), max_length=64, blank=True)
    trigger = models.CharField(
        _("trigger"),
        max_length=20,
        choices=ScreeningTrigger.choices,
        default=ScreeningTrigger.SUBMISSION,
    )
    created_at = models.DateTimeField(_("screened at"), auto_now_add=True)

    class Meta:
        verbose_name = _("screening result")
        verbose_name_plural = _("screening results")
        ordering = ["certificate", "-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.certificate} {self.band}"


class Clearance(models.Model):
    """A reviewer's record that a list match on a party is a false positive."""

    watchlist = models.ForeignKey(
        Watchlist, verbose_name=_("watchlist"), on_delete=models.PROTECT, related_name="clearances"
    )
    entry_id = models.CharField(_("entry id"), max_length=100)
    party_name = models.CharField(_("party name"), max_length=300)
    reason = models.TextField(_("reason"))
    # ListEntry.content_hash() of the entry when it was cleared; empty for
    # clearances recorded before the hash existed, which apply to any content.
    entry_hash = models.CharField(_("entry content hash"), max_length=64, blank=True)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cleared by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("cleared at"), auto_now_add=True)

    class Meta:
        verbose_name = _("clearance")
        verbose_name_plural = _("clearances")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.party_name} / {self.watchlist.slug}:{self.entry_id}"


class RegisteredCorporation(models.Model):
    """A corporation in the National Tax Agency's corporate-number data (基本3情報)."""

    corporate_number = models.CharField(_("corporate number"), max_length=13, unique=True)
    name = models.CharField(_("name"), max_length=300)
    furigana = models.CharField(_("furigana"), max_length=300, blank=True)
    en_name = models.CharField(_("name (English)"), max_length=300, blank=True)
    address = models.CharField(_("address"), max_length=600, blank=True)
    kind = models.CharField(_("kind of corporation"), max_length=3, blank=True)
    close_date = models.DateField(_("closed on"), null=True, blank=True)
    close_cause = models.CharField(_("cause of closure"), max_length=2, blank=True)
    assignment_date = models.DateField(_("number assigned on"), null=True, blank=True)
    update_date = models.DateField(_("updated on"), null=True, blank=True)
    latest = models.BooleanField(_("latest record"), default=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("registered corporation")
        verbose_name_plural = _("registered corporations")
        ordering = ["corporate_number"]

    def __str__(self) -> str:
        return f"{self.corporate_number} {self.name}"


class RulesetActivation(models.Model):
    """The first time a worker ran with a ruleset version, which re-screens stored results."""

    version = models.CharField(_("ruleset version"), max_length=20, unique=True)
    activated_at = models.DateTimeField(_("activated at"), auto_now_add=True)

    class Meta:
        verbose_name = _("ruleset activation")
        verbose_name_plural = _("ruleset activations")
        ordering = ["-activated_at"]

    def __str__(self) -> str:
        return self.version
