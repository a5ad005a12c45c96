"""Importing watchlists as new list versions."""

import hashlib
import logging

from django.db import transaction

from certificates.models import User
from certificates.services.audit import audit_event_record
from screening.models import Watchlist, WatchlistEntry, WatchlistVersion
from screening.watchlist_csv import parse_watchlist_csv

logger = logging.getLogger(__name__)


def watchlist_import(
    *,
    slug: str,
    data: bytes,
    name: str = "",
    source: str = "",
    source_url: str = "",
    actor: User | None = None,
    skip_if_unchanged: bool = False,
) -> WatchlistVersion | None:
    """Create or replace a list's entries from CSV bytes, as a new version.

    With skip_if_unchanged, a file identical to the current version's is not
    imported again and None is returned.
    """
    entries = parse_watchlist_csv(data)
    digest = hashlib.sha256(data).hexdigest()
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
        if skip_if_unchanged and current is not None and current.sha256 == digest:
            return None
        version = WatchlistVersion.objects.create(
            watchlist=watchlist,
            number=(current.number + 1) if current else 1,
            sha256=digest,
            entry_count=len(entries),
            imported_by=actor,
        )
        WatchlistEntry.objects.bulk_create(
            (
                WatchlistEntry(
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
                for entry in entries
            ),
            batch_size=2000,
        )
        audit_event_record(
            action="watchlist.imported",
            actor=actor,
            target=version,
            data={
                "list": slug,
                "version": version.number,
                "entries": len(entries),
                "sha256": digest,
            },
        )
        transaction.on_commit(lambda: _queue_rescreening(slug, version.number))
    logger.info(
        "watchlist %s imported as version %s with %d entries", slug, version.number, len(entries)
    )
    return version


def _queue_rescreening(slug: str, number: int) -> None:
    from screening.tasks import rescreen_all

    rescreen_all.delay(reason=f"watchlist {slug} v{number}")
