"""Per-process cache of candidate indexes, one per list version.

Building an index costs seconds for a large list, so each web or worker
process builds it once per list version and reuses it. A new import makes a
new version number, which misses the cache and builds afresh.
"""

import hashlib
import logging
import threading
import time

from screening.engine import ListIndex, build_index
from screening.engine.types import CatalogueEntry as EngineCatalogueEntry
from screening.engine.types import WatchlistSnapshot
from screening.models import CatalogueEntry, Watchlist, WatchlistVersion
from screening.services.watchlists import list_entry_from_row

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_indexes: dict[tuple[str, int], ListIndex] = {}
_catalogue: tuple[str, tuple[EngineCatalogueEntry, ...]] | None = None


def current_versions() -> list[WatchlistVersion]:
    versions = []
    for watchlist in Watchlist.objects.all():
        version = watchlist.current_version()
        if version is not None:
            versions.append(version)
    return versions


def _snapshot(version: WatchlistVersion) -> WatchlistSnapshot:
    entries = tuple(
        list_entry_from_row(row) for row in version.entries.all().iterator(chunk_size=5000)
    )
    return WatchlistSnapshot(slug=version.watchlist.slug, version=version.number, entries=entries)


def index_for(version: WatchlistVersion) -> ListIndex:
    key = (version.watchlist.slug, version.number)
    with _lock:
        cached = _indexes.get(key)
        if cached is not None:
            return cached
        started = time.perf_counter()
        index = build_index(_snapshot(version))
        # Older versions of the same list are never screened against again.
        for old in [k for k in _indexes if k[0] == key[0]]:
            del _indexes[old]
        _indexes[key] = index
    logger.info("built index for %s v%s in %.2fs", key[0], key[1], time.perf_counter() - started)
    return index


def current_indexes() -> list[ListIndex]:
    return [index_for(version) for version in current_versions()]


def current_catalogue() -> tuple[str, tuple[EngineCatalogueEntry, ...]]:
    """Return the catalogue's version (a hash of its rows) and its entries."""
    global _catalogue
    rows = list(CatalogueEntry.objects.order_by("code"))
    digest = hashlib.sha256()
    for row in rows:
        digest.update(f"{row.code}|{row.updated_at.isoformat()}\n".encode())
    version = digest.hexdigest()[:16]
    with _lock:
        if _catalogue is not None and _catalogue[0] == version:
            return _catalogue
        entries = tuple(
            EngineCatalogueEntry(
                code=row.code,
                name=row.name,
                terms=tuple(row.terms)
                + tuple(t for t in (row.name, row.name_ja, row.name_zh) if t),
                hs_codes=tuple(row.hs_codes),
                sensitivity=row.sensitivity,
                military_applications=row.military_applications,
                source=row.source,
            )
            for row in rows
        )
        _catalogue = (version, entries)
        return _catalogue


def clear_cache() -> None:
    global _catalogue
    with _lock:
        _indexes.clear()
        _catalogue = None
