from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from screening.services.registry import RegistryImportError, corporate_numbers_import


class Command(BaseCommand):
    help = (
        "Insert, update or delete registered corporations from the National Tax Agency's "
        "corporate-number CSV files (基本3情報, full or difference files, UTF-8 or Shift-JIS, "
        "no header row). Rows with process 99 are deleted. All files are one transaction."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", help="unzipped CSV files, imported in this order")

    def handle(self, *args: Any, **options: Any) -> None:
        paths = [Path(name) for name in options["files"]]
        for path in paths:
            if not path.is_file():
                raise CommandError(f"{path}: file not found")
        streams = [path.open("rb") for path in paths]
        try:
            report = corporate_numbers_import(streams)
        except RegistryImportError as error:
            for message in error.errors:
                self.stderr.write(message)
            raise CommandError(f"not imported; {len(error.errors)} errors") from error
        finally:
            for stream in streams:
                stream.close()
        self.stdout.write(
            f"corporate numbers: {report.created} created, {report.updated} updated, "
            f"{report.deleted} deleted, {report.skipped_history} history rows skipped"
        )
