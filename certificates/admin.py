from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
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
    fieldsets = (*UserAdmin.fieldsets, (_("EUC Review"), {"fields": ("role", "organisation")}))  # type: ignore[misc]
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        (_("EUC Review"), {"fields": ("role", "organisation")}),
    )


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    """Read-only: certificates change only through the workflow services."""

    list_display = ("reference", "importer", "status", "band", "submitted_at")
    list_filter = ("status", "band", "importer")
    search_fields = ("reference",)

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(CertificateAdmin):
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
