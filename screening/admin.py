from django.contrib import admin
from django.http import HttpRequest

from screening.models import (
    CatalogueEntry,
    Clearance,
    RegisteredCorporation,
    RulesetActivation,
    Watchlist,
    WatchlistEntry,
    WatchlistVersion,
)


@admin.register(Watchlist)
class WatchlistAdmin(admin.ModelAdmin):
    list_display = ("slug", "name", "source")


@admin.register(WatchlistVersion)
class WatchlistVersionAdmin(admin.ModelAdmin):
    list_display = ("watchlist", "number", "entry_count", "imported_at")
    list_filter = ("watchlist",)


@admin.register(WatchlistEntry)
class WatchlistEntryAdmin(admin.ModelAdmin):
    list_display = ("entry_id", "name", "list_kind", "country", "version")
    list_filter = ("list_kind", "version__watchlist")
    search_fields = ("entry_id", "name", "aliases")


@admin.register(CatalogueEntry)
class CatalogueEntryAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_ja", "sensitivity")
    search_fields = ("code", "name", "name_ja", "name_zh")


@admin.register(Clearance)
class ClearanceAdmin(admin.ModelAdmin):
    list_display = ("party_name", "watchlist", "entry_id", "cleared_by", "created_at")
    readonly_fields = ("entry_hash",)


@admin.register(RegisteredCorporation)
class RegisteredCorporationAdmin(admin.ModelAdmin):
    list_display = ("corporate_number", "name", "kind", "close_date", "assignment_date")
    list_filter = ("kind",)
    search_fields = ("corporate_number", "name", "furigana", "en_name")


@admin.register(RulesetActivation)
class RulesetActivationAdmin(admin.ModelAdmin):
    list_display = ("version", "activated_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Rows record what the workers ran; an added row would skip a re-screening.
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
