from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from certificates.models import AuditEvent, Certificate, Organisation, User


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name_local", "name", "corporate_number", "country")
    search_fields = ("name_local", "name", "corporate_number")


@admin.register(User)
class EucUserAdmin(UserAdmin):
    list_display = ("username", "email", "role", "organisation", "is_active")
    list_filter = ("role", "organisation", "is_active")
    fieldsets = (
        *UserAdmin.fieldsets,  # type: ignore[misc]
        (_("EUC Review"), {"fields": ("role", "organisation", "language")}),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        (_("EUC Review"), {"fields": ("role", "organisation", "language")}),
    )


class ReadOnlyAdmin(admin.ModelAdmin):
    """Certificates and audit events change only through the workflow services."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    list_display = ("reference", "importer", "status", "band", "submitted_at")
    list_filter = ("status", "band", "importer")
    search_fields = ("reference",)


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = (
        "id",
        "created_at",
        "actor_label",
        "action",
        "certificate",
        "from_state",
        "to_state",
    )
    list_filter = ("action",)
    search_fields = ("action", "hash")
