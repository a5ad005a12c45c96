"""Telling the watchlist formats apart from the first bytes of a file."""

import codecs
from typing import BinaryIO

FORMATS = ("csv", "ftm", "opensanctions-csv")
# Enough for the header line of either CSV format or the start of a JSON object.
_PEEK_BYTES = 4096
_OPENSANCTIONS_HEADER_START = "id,schema,name,aliases,"


def detect_format(stream: BinaryIO) -> str:
    """Return "ftm", "opensanctions-csv" or "csv" from the file's start, and rewind the stream.

    A file whose first non-blank character is `{` is FollowTheMoney JSON lines.
    A CSV whose header starts like targets.simple.csv is that export. Anything
    else is read as the product's own CSV, whose parser reports a wrong header.
    """
    position = stream.tell()
    head = stream.read(_PEEK_BYTES)
    stream.seek(position)
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    text = head.decode("utf-8", errors="replace").lstrip()
    if text.startswith("{"):
        return "ftm"
    if text.startswith(_OPENSANCTIONS_HEADER_START):
        return "opensanctions-csv"
    return "csv"
