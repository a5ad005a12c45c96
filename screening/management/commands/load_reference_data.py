from typing import Any

from django.core.management.base import BaseCommand

from screening.services.reference import reference_data_load


class Command(BaseCommand):
    help = "Load or update the reference lists and item catalogue that ship with EUC Review. Idempotent."

    def handle(self, *args: Any, **options: Any) -> None:
        report = reference_data_load()
        self.stdout.write(
            f"lists imported: {', '.join(report.lists_imported) or 'none'}; "
            f"unchanged: {', '.join(report.lists_unchanged) or 'none'}; "
            f"catalogue entries created: {report.catalogue_created}, updated: {report.catalogue_updated}"
        )
