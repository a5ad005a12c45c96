"""Importing watchlists as new list versions."""

import hashlib
import io
import itertools
import logging
from collections.abc import Iterable
from typing import BinaryIO

from django.db import transaction

from certificates.models import User
from certificates.services.audit import audit_event_record
from screening.engine.types import ListEntry
from screening.importers import parse_watchlist
from screening.models import Watchlist, WatchlistEntry, WatchlistVersion

logger = logging.getLogger(__name__)

INSERT_BATCH_SIZE = 2000
_HASH_CHUNK_BYTES = 1 << 20


def watchlist_import(
    *,
    slug: str,
    data: bytes | None = None,
    stream: BinaryIO | None = None,
    format: str = "",
    name: str = "",
    source: str = "",
    source_url: str = "",
    actor: User | None = None,
    skip_if_unchanged: bool = False,
) -> WatchlistVersion | None:
    """Parse a watchlist file and store its entries as a new version of the list.

    Pass the file as `data` bytes or as a seekable binary `stream`; `format` is
    "csv", "ftm" or "opensanctions-csv", or empty to detect it. With
    skip_if_unchanged, a file identical to the current version's is not
    imported again and None is returned. Raises WatchlistImportError (also
    importable as screening.watchlist_csv.WatchlistCsvError) listing bad rows.
    """
    if stream is None:
        if data is None:
            raise TypeError("watchlist_import needs data or stream")
        stream = io.BytesIO(data)
    digest = _sha256(stream)
    if skip_if_unchanged and _current_sha256(slug) == digest:
        return None
    entries = parse_watchlist(stream, format)
    return watchlist_store(
        slug=slug,
        entries=entries,
        sha256=digest,
        name=name,
        source=source,
        source_url=source_url,
        actor=actor,
        skip_if_unchanged=skip_if_unchanged,
    )


def watchlist_store(
    *,
    slug: str,
    entries: Iterable[ListEntry],
    sha256: str,
    name: str = "",
    source: str = "",
    source_url: str = "",
    actor: User | None = None,
    skip_if_unchanged: bool = False,
) -> WatchlistVersion | None:
    """Store parsed entries as a new version of the list, creating the list when it is new.

    `sha256` is the digest of the imported file, which skip_if_unchanged compares.
    """
    with transaction.atomic():
        watchlist, created = Watchlist.objects.select_for_update().get_or_create(
            slug=slug, defaults={"name": name or slug, "source": source, "source_url": source_url}
        )
        if not created and (name or source or source_url):
            watchlist.name = name or watchlist.name
            watchlist.source = source or watchlist.source
            watchlist.source_url = source_url or watchlist.source_url
            watchlist.save(update_fields=["name", "source", "source_url"])
        current = watchlist.current_version()
        if skip_if_unchanged and current is not None and current.sha256 == sha256:
            return None
        version = WatchlistVersion.objects.create(
            watchlist=watchlist,
            number=(current.number + 1) if current else 1,
            sha256=sha256,
            imported_by=actor,
        )
        count = _insert_entries(version, entries)
        version.entry_count = count
        version.save(update_fields=["entry_count"])
        audit_event_record(
            action="watchlist.imported",
            actor=actor,
            target=version,
            data={"list": slug, "version": version.number, "entries": count, "sha256": sha256},
        )
        transaction.on_commit(lambda: _queue_rescreening(slug, version.number))
    logger.info("watchlist %s imported as version %s with %d entries", slug, version.number, count)
    return version


def _insert_entries(version: WatchlistVersion, entries: Iterable[ListEntry]) -> int:
    # bulk_create turns its argument into a list, so batches keep only a few
    # thousand model instances in memory at once.
    count = 0
    for batch in itertools.batched(entries, INSERT_BATCH_SIZE):
        WatchlistEntry.objects.bulk_create(_entry_row(version, entry) for entry in batch)
        count += len(batch)
    return count


def _entry_row(version: WatchlistVersion, entry: ListEntry) -> WatchlistEntry:
    return WatchlistEntry(
        version=version,
        entry_id=entry.entry_id,
        name=entry.name,
        aliases=list(entry.aliases),
        country=entry.country,
        corporate_number=entry.corporate_number,
        address=entry.address,
        list_kind=entry.list_kind,
        notes=entry.notes,
    )


def list_entry_from_row(row: WatchlistEntry) -> ListEntry:
    """Return the engine's view of a stored entry."""
    return ListEntry(
        entry_id=row.entry_id,
        name=row.name,
        list_kind=row.list_kind,
        aliases=tuple(row.aliases),
        country=row.country,
        corporate_number=row.corporate_number,
        address=row.address,
        notes=row.notes,
    )


def _sha256(stream: BinaryIO) -> str:
    """Return the SHA-256 of the stream from its current position, and rewind to it."""
    position = stream.tell()
    digest = hashlib.sha256()
    while chunk := stream.read(_HASH_CHUNK_BYTES):
        digest.update(chunk)
    stream.seek(position)
    return digest.hexdigest()


def _current_sha256(slug: str) -> str:
    version = WatchlistVersion.objects.filter(watchlist__slug=slug).order_by("-number").first()
    return version.sha256 if version is not None else ""


def _queue_rescreening(slug: str, number: int) -> None:
    from screening.tasks import rescreen_all

    rescreen_all.delay(reason=f"watchlist {slug} v{number}")
