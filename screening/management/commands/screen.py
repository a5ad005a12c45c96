import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import translation

from certificates.interchange import (
    InterchangeError,
    load_document,
    normalise_document,
    validate_document,
)
from screening.presentation import finding_message
from screening.services import screening_preview

CONTRACT_KEYS = ("reference", "band", "score", "categories", "ruleset", "lists")


class Command(BaseCommand):
    help = (
        "Screen euc/1 documents without storing them and print one JSON object per document "
        "(JSON Lines). Exit status 2 when a document is invalid; its errors go to standard error."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", help="euc/1 JSON files; - reads standard input")
        parser.add_argument("--language", default=None, help="language of the messages: ja or en")

    def handle(self, *args: Any, **options: Any) -> None:
        language = options["language"] or translation.get_language() or "ja"
        invalid = False
        with translation.override(language):
            for name in options["files"]:
                invalid |= not self._screen_one(name)
        if invalid:
            sys.exit(2)

    def _screen_one(self, name: str) -> bool:
        try:
            raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as error:
            self.stderr.write(f"{name}: {error.strerror}")
            return False
        try:
            document = normalise_document(load_document(raw))
        except InterchangeError as error:
            for field_error in error.errors:
                self.stderr.write(
                    f"{name}: {field_error.field or '(document)'}: {field_error.message}"
                )
            return False
        errors = validate_document(document)
        if errors:
            for field_error in errors:
                self.stderr.write(
                    f"{name}: {field_error.field or '(document)'}: {field_error.message}"
                )
            return False
        result = screening_preview(document)
        for category in result["categories"].values():
            for finding in category["findings"]:
                finding["message"] = finding_message(finding)
        output = {key: result[key] for key in CONTRACT_KEYS}
        self.stdout.write(json.dumps(output, ensure_ascii=False))
        return True
