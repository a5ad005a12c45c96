"""The National Tax Agency's corporate-number data (法人番号 基本3情報): import and look-up.

The NTA publishes full files per prefecture and daily difference files, as
CSV without a header row, in Shift-JIS and in UTF-8 ("Unicode") variants, with
30 columns in the order of CSV_COLUMNS.
"""

import codecs
import csv
import datetime
import io
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from django.db import transaction
from django.utils.translation import gettext as _

from screening.engine.corporate_number import is_valid_corporate_number
from screening.engine.types import RegistryRecord
from screening.models import RegisteredCorporation

logger = logging.getLogger(__name__)

CSV_COLUMNS = (
    "sequenceNumber",
    "corporateNumber",
    "process",
    "correct",
    "updateDate",
    "changeDate",
    "name",
    "nameImageId",
    "kind",
    "prefectureName",
    "cityName",
    "streetNumber",
    "addressImageId",
    "prefectureCode",
    "cityCode",
    "postCode",
    "addressOutside",
    "addressOutsideImageId",
    "closeDate",
    "closeCause",
    "successorCorporateNumber",
    "changeCause",
    "assignmentDate",
    "latest",
    "enName",
    "enPrefectureName",
    "enCityName",
    "enAddressOutside",
    "furigana",
    "hihyoji",
)
# Process code 99: the number's designation was withdrawn, so the row is deleted.
PROCESS_DELETED = "99"
BATCH_SIZE = 2000
# Enough bytes to tell UTF-8 from Shift-JIS with Japanese names in the first rows.
_DETECT_BYTES = 1 << 16
_UPDATED_FIELDS = [
    "name",
    "furigana",
    "en_name",
    "address",
    "kind",
    "close_date",
    "close_cause",
    "assignment_date",
    "update_date",
    "latest",
]


@dataclass
class RegistryImportReport:
    """Counts of one import; `errors` lists invalid rows as "line N: message"."""

    created: int = 0
    updated: int = 0
    deleted: int = 0
    skipped_history: int = 0
    encoding: str = ""
    errors: list[str] = field(default_factory=list)


class RegistryImportError(Exception):
    """Raised when a corporate-number file has invalid rows; nothing of the file is stored."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors[:20]))
        self.errors = errors


def detect_encoding(stream: BinaryIO) -> str:
    """Return "utf-8" when the file's start decodes as UTF-8, else "cp932"; rewind the stream.

    cp932 is Microsoft's Shift-JIS, a superset of the JIS X 0208 characters the
    NTA's Shift-JIS files contain.
    """
    position = stream.tell()
    head = stream.read(_DETECT_BYTES)
    stream.seek(position)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        # final=False, because the peek can end in the middle of a character.
        decoder.decode(head, final=False)
    except UnicodeDecodeError:
        return "cp932"
    return "utf-8"


def _date(value: str) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _address(values: dict[str, str]) -> str:
    domestic = values["prefectureName"] + values["cityName"] + values["streetNumber"]
    return domestic or values["addressOutside"]


def _row_to_model(values: dict[str, str]) -> RegisteredCorporation:
    """Build an unsaved row; raises ValueError for a malformed date."""
    return RegisteredCorporation(
        corporate_number=values["corporateNumber"],
        name=values["name"],
        furigana=values["furigana"],
        en_name=values["enName"],
        address=_address(values),
        kind=values["kind"],
        close_date=_date(values["closeDate"]),
        close_cause=values["closeCause"],
        assignment_date=_date(values["assignmentDate"]),
        update_date=_date(values["updateDate"]),
        latest=values["latest"] != "0",
    )


def _rows(stream: BinaryIO, encoding: str) -> Iterator[tuple[int, list[str]]]:
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    try:
        reader = csv.reader(text)
        for row in reader:
            yield reader.line_num, row
    finally:
        text.detach()


class _PendingChanges:
    """The rows read since the last flush, at most one per number, in file order.

    A later row for the same number replaces an earlier one, because difference
    files can change one corporation several times in a day.
    """

    def __init__(self, report: RegistryImportReport) -> None:
        self.report = report
        self.changes: dict[str, RegisteredCorporation | None] = {}

    def add(self, number: str, row: RegisteredCorporation | None) -> None:
        self.changes.pop(number, None)
        self.changes[number] = row
        if len(self.changes) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        if not self.changes:
            return
        deletions = [number for number, row in self.changes.items() if row is None]
        upserts = [row for row in self.changes.values() if row is not None]
        if deletions:
            deleted, _ = RegisteredCorporation.objects.filter(
                corporate_number__in=deletions
            ).delete()
            self.report.deleted += deleted
        if upserts:
            numbers = [row.corporate_number for row in upserts]
            existing = set(
                RegisteredCorporation.objects.filter(corporate_number__in=numbers).values_list(
                    "corporate_number", flat=True
                )
            )
            RegisteredCorporation.objects.bulk_create(
                upserts,
                update_conflicts=True,
                unique_fields=["corporate_number"],
                update_fields=_UPDATED_FIELDS,
            )
            self.report.updated += len(existing)
            self.report.created += len(upserts) - len(existing)
        self.changes = {}


def _check_row(line: int, row: list[str]) -> str:
    """Return the problem with a row, or "" for a row that can be stored."""
    if len(row) != len(CSV_COLUMNS):
        return _("line %(line)s: expected %(expected)s columns, found %(found)s.") % {
            "line": line,
            "expected": len(CSV_COLUMNS),
            "found": len(row),
        }
    if not is_valid_corporate_number(row[1]):
        return _("line %(line)s: %(number)s is not a valid corporate number.") % {
            "line": line,
            "number": row[1],
        }
    return ""


def _import_stream(stream: BinaryIO, report: RegistryImportReport) -> None:
    report.encoding = detect_encoding(stream)
    pending = _PendingChanges(report)
    try:
        for line, row in _rows(stream, report.encoding):
            if not any(cell.strip() for cell in row):
                continue
            problem = _check_row(line, row)
            if problem:
                report.errors.append(problem)
                continue
            values = dict(zip(CSV_COLUMNS, (cell.strip() for cell in row), strict=True))
            number = values["corporateNumber"]
            if values["process"] == PROCESS_DELETED:
                pending.add(number, None)
                continue
            if values["latest"] == "0":
                # A past state of a corporation whose current state is in another row.
                report.skipped_history += 1
                continue
            try:
                pending.add(number, _row_to_model(values))
            except ValueError:
                report.errors.append(
                    _("line %(line)s: a date is not in the form YYYY-MM-DD.") % {"line": line}
                )
    except UnicodeDecodeError as error:
        report.errors.append(
            _("The file is neither UTF-8 nor Shift-JIS text (%(error)s).") % {"error": error}
        )
    pending.flush()


def corporate_numbers_import(streams: Iterable[BinaryIO]) -> RegistryImportReport:
    """Insert, update or delete registry rows from NTA CSV files, all in one transaction.

    Rows are upserted by corporate number; process 99 deletes. Raises
    RegistryImportError and stores nothing when any row is invalid.
    """
    report = RegistryImportReport()
    with transaction.atomic():
        for stream in streams:
            _import_stream(stream, report)
        if report.errors:
            # Raising inside the block rolls back the rows already written.
            raise RegistryImportError(report.errors)
    logger.info(
        "corporate numbers imported: %d created, %d updated, %d deleted, %d history rows skipped",
        report.created,
        report.updated,
        report.deleted,
        report.skipped_history,
    )
    return report


def registry_records(numbers: Iterable[str]) -> dict[str, RegistryRecord] | None:
    """Return the registry records of these corporate numbers, in one query.

    Returns None while the registry is empty, so that screening skips the
    registry rules instead of finding every number unregistered, and when
    there are no numbers to look up.
    """
    requested = sorted(set(numbers))
    if not requested:
        return None
    rows = list(RegisteredCorporation.objects.filter(corporate_number__in=requested))
    if not rows and not RegisteredCorporation.objects.exists():
        return None
    return {row.corporate_number: _record(row) for row in rows}


def _record(row: RegisteredCorporation) -> RegistryRecord:
    return RegistryRecord(
        corporate_number=row.corporate_number,
        name=row.name,
        en_name=row.en_name,
        furigana=row.furigana,
        kind=row.kind,
        close_date=row.close_date,
        close_cause=row.close_cause,
        assignment_date=row.assignment_date,
    )
