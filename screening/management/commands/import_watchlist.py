from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from screening.importers import FORMATS, WatchlistImportError
from screening.services import watchlist_import


class Command(BaseCommand):
    help = (
        "Create or replace a list's entries from a watchlist file, as a new list version. "
        "Reads the product's watchlist CSV, OpenSanctions FollowTheMoney JSON lines and "
        "OpenSanctions targets.simple.csv."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file",
            help=(
                "watchlist CSV with header id,name,aliases,country,corporate_number,address,"
                "list_kind,notes, or an OpenSanctions export (see --format)"
            ),
        )
        parser.add_argument(
            "--list", required=True, dest="slug", help="the list's slug, e.g. jp-mod"
        )
        parser.add_argument("--name", default="", help="the list's display name")
        parser.add_argument(
            "--format",
            choices=FORMATS,
            default="",
            help="the file's format; detected from the file's first bytes when not given",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            with path.open("rb") as stream:
                version = watchlist_import(
                    slug=options["slug"],
                    stream=stream,
                    format=options["format"],
                    name=options["name"],
                )
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from error
        except WatchlistImportError as error:
            for row_error in error.errors:
                self.stderr.write(f"{path}: {row_error}")
            raise CommandError(f"{path}: not imported; {len(error.errors)} errors") from error
        assert version is not None
        self.stdout.write(
            f"{options['slug']}: version {version.number}, {version.entry_count} entries"
        )
