"""Reading imported files as UTF-8 text, line by line."""

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from django.utils.translation import gettext as _

from screening.importers.errors import RowError, WatchlistImportError


@contextmanager
def utf8_text(stream: BinaryIO) -> Iterator[io.TextIOWrapper]:
    """Yield the stream as UTF-8 text (a leading BOM is dropped), decoded while it is read.

    Raises WatchlistImportError when a byte sequence is not UTF-8 or the csv
    module rejects the text (a field over its 131,072-character limit, for one). The stream stays open,
    because the caller owns it.
    """
    # newline="" lets the csv module see the line ends inside quoted fields.
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    try:
        yield text
    except UnicodeDecodeError as error:
        raise WatchlistImportError(
            [
                RowError(
                    0,
                    "file",
                    _("The file is not UTF-8 text. Save it as UTF-8 and import it again."),
                )
            ]
        ) from error
    except csv.Error as error:
        raise WatchlistImportError(
            [
                RowError(
                    0,
                    "file",
                    _("The file is not valid CSV: %(error)s") % {"error": error},
                )
            ]
        ) from error
    finally:
        text.detach()
