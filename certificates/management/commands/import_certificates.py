import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from certificates.interchange import (
    InterchangeError,
    load_document,
    normalise_document,
    validate_document,
)
from certificates.services.bulk import certificate_import_submitted
from certificates.services.errors import WorkflowError


class Command(BaseCommand):
    help = (
        "Store euc/1 documents as submitted certificates of the importer named in them "
        "(matched by corporate number, then by name). Exit status 2 when a document was not stored."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", help="euc/1 JSON files; - reads standard input")

    def handle(self, *args: Any, **options: Any) -> None:
        failed = False
        for name in options["files"]:
            failed |= not self._import_one(name)
        if failed:
            sys.exit(2)

    def _import_one(self, name: str) -> bool:
        try:
            raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
            document = normalise_document(load_document(raw))
        except OSError as error:
            self.stderr.write(f"{name}: {error.strerror}")
            return False
        except InterchangeError as error:
            for field_error in error.errors:
                self.stderr.write(
                    f"{name}: {field_error.field or '(document)'}: {field_error.message}"
                )
            return False
        errors = validate_document(document)
        for field_error in errors:
            self.stderr.write(f"{name}: {field_error.field or '(document)'}: {field_error.message}")
        if errors:
            return False
        try:
            with transaction.atomic():
                certificate = certificate_import_submitted(document=document)
        except WorkflowError as error:
            self.stderr.write(f"{name}: {error.message}")
            return False
        self.stdout.write(
            f"{name}: stored as certificate {certificate.pk} ({certificate.reference}), band {certificate.band}"
        )
        return True
