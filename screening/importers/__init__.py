"""Parsers that turn watchlist files into the engine's ListEntry tuples.

Three formats are read: the product's own watchlist CSV (`csv`), OpenSanctions'
FollowTheMoney JSON lines (`ftm`) and OpenSanctions' `targets.simple.csv`
(`opensanctions-csv`). Parsing is separate from storing, so every parser only
reads a binary stream and either returns all entries or raises
WatchlistImportError listing every bad row.
"""

from typing import BinaryIO

from screening.engine.types import ListEntry
from screening.importers.csv import parse_watchlist_csv
from screening.importers.detect import FORMATS, detect_format
from screening.importers.errors import RowError, WatchlistImportError
from screening.importers.ftm import parse_ftm
from screening.importers.opensanctions_csv import parse_opensanctions_csv

__all__ = [
    "FORMATS",
    "RowError",
    "WatchlistImportError",
    "detect_format",
    "parse_watchlist",
]


def parse_watchlist(stream: BinaryIO, format: str = "") -> list[ListEntry]:
    """Parse a watchlist file in the given format, or in the format detected from its start.

    The stream must be seekable, because detection reads its first bytes and rewinds.
    """
    chosen = format or detect_format(stream)
    if chosen == "ftm":
        return parse_ftm(stream)
    if chosen == "opensanctions-csv":
        return parse_opensanctions_csv(stream)
    if chosen == "csv":
        return parse_watchlist_csv(stream)
    raise ValueError(f"unknown watchlist format {chosen!r}; known formats: {', '.join(FORMATS)}")
