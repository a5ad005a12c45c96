from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from screening.services import watchlist_import
from screening.watchlist_csv import WatchlistCsvError


class Command(BaseCommand):
    help = "Create or replace a list's entries from a watchlist CSV file, as a new list version."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file",
            help="CSV with header id,name,aliases,country,corporate_number,address,list_kind,notes",
        )
        parser.add_argument(
            "--list", required=True, dest="slug", help="the list's slug, e.g. jp-mod"
        )
        parser.add_argument("--name", default="", help="the list's display name")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from error
        try:
            version = watchlist_import(slug=options["slug"], data=data, name=options["name"])
        except WatchlistCsvError as error:
            for row_error in error.errors:
                self.stderr.write(f"{path}: {row_error}")
            raise CommandError(f"{path}: not imported; {len(error.errors)} errors") from error
        assert version is not None
        self.stdout.write(
            f"{options['slug']}: version {version.number}, {version.entry_count} entries"
        )
