"""Loading the reference lists and catalogue that ship with the product."""

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from screening.models import CatalogueEntry
from screening.services.watchlists import watchlist_import

logger = logging.getLogger(__name__)


def _default(name: str) -> object:
    field = CatalogueEntry._meta.get_field(name)
    return field.get_default() if hasattr(field, "get_default") else None


REFERENCE_DIR = Path(__file__).resolve().parent.parent / "reference_data"
CATALOGUE_FIELDS = (
    "name",
    "name_ja",
    "name_zh",
    "terms",
    "hs_codes",
    "sensitivity",
    "military_applications",
    "source",
)


@dataclass
class LoadReport:
    lists_imported: list[str] = field(default_factory=list)
    lists_unchanged: list[str] = field(default_factory=list)
    catalogue_created: int = 0
    catalogue_updated: int = 0


def reference_data_load(directory: Path = REFERENCE_DIR) -> LoadReport:
    """Import each shipped list whose file changed and sync the catalogue; idempotent."""
    report = LoadReport()
    manifest = json.loads((directory / "lists.json").read_text(encoding="utf-8"))
    for entry in manifest:
        version = watchlist_import(
            slug=entry["slug"],
            data=(directory / entry["file"]).read_bytes(),
            name=entry.get("name_ja") or entry.get("name_en") or entry["slug"],
            source=entry.get("source", ""),
            source_url=entry.get("source_url", ""),
            skip_if_unchanged=True,
        )
        (report.lists_imported if version else report.lists_unchanged).append(entry["slug"])
    catalogue = json.loads((directory / "catalogue.json").read_text(encoding="utf-8"))
    with transaction.atomic():
        for item in catalogue["entries"]:
            values = {name: item.get(name, _default(name)) for name in CATALOGUE_FIELDS}
            existing = CatalogueEntry.objects.filter(code=item["code"]).first()
            if existing is None:
                CatalogueEntry.objects.create(code=item["code"], **values)
                report.catalogue_created += 1
            elif any(getattr(existing, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(existing, name, value)
                existing.save()
                report.catalogue_updated += 1
    logger.info(
        "reference data: imported %s, unchanged %s, catalogue +%d ~%d",
        report.lists_imported,
        report.lists_unchanged,
        report.catalogue_created,
        report.catalogue_updated,
    )
    return report
