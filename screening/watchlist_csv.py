"""Parsing of the watchlist CSV interchange format.

The parser lives in screening.importers.csv; these names stay for callers
that pass the whole file as bytes.
"""

import io

from screening.engine.types import ListEntry
from screening.importers.csv import HEADER
from screening.importers.csv import parse_watchlist_csv as _parse_stream
from screening.importers.errors import RowError as CsvError
from screening.importers.errors import WatchlistImportError as WatchlistCsvError

__all__ = ["HEADER", "CsvError", "WatchlistCsvError", "parse_watchlist_csv"]


def parse_watchlist_csv(data: bytes) -> list[ListEntry]:
    """Parse a whole CSV file; raise WatchlistCsvError listing every bad row."""
    return _parse_stream(io.BytesIO(data))
