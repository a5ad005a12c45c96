from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from certificates.workflow import Role


class Organisation(models.Model):
    """A company whose users file certificates or review them."""

    name = models.CharField(_("name (Latin script)"), max_length=300, blank=True)
    name_local = models.CharField(_("name (own script)"), max_length=300)
    corporate_number = models.CharField(_("corporate number"), max_length=13, blank=True)
    country = models.CharField(_("country"), max_length=2, default="JP")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_local"]

    def __str__(self) -> str:
        return self.name_local or self.name


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.IMPORTER)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    # Mails go out in this language; the language switch saves it for a signed-in user.
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def get_full_name(self) -> str:
        # Japanese names are written family name first; Latin-script names
        # keep Django's given-name-first order.
        first, last = self.first_name.strip(), self.last_name.strip()
        if not (first.isascii() and last.isascii()):
            return f"{last} {first}".strip()
        return super().get_full_name()

    @property
    def is_importer(self) -> bool:
        return self.role == Role.IMPORTER

    @property
    def is_reviewer(self) -> bool:
        return self.role == Role.REVIEWER

    @property
    def is_auditor(self) -> bool:
        return self.role == Role.AUDITOR
