"""Checks that every character of a report is drawn with the embedded fonts.

Two things can go wrong. When no font at all has a glyph, WeasyPrint 70
draws `.notdef` (an empty box) and logs a warning on the `weasyprint` logger:
`.notdef glyph rendered for Unicode string unsupported by fonts: "%s" (U+%04X)`.
When the report fonts lack a glyph but a system font has it, Pango quietly
takes the system font and WeasyPrint logs nothing, so the PDF would depend on
the worker's fonts. The first case is caught from the log, the second by
checking the text against the cmap of the font files.
"""

import functools
import logging
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

from fontTools.ttLib import TTFont

WEASYPRINT_LOGGER = "weasyprint"
NOTDEF_MESSAGE_PREFIX = ".notdef glyph rendered"
FONT_FACE_FAILED_PREFIX = "Font-face"

# Characters that take no glyph of their own: controls, format characters
# such as ZERO WIDTH JOINER, line and paragraph separators, and variation
# selectors, which pick a form of the character before them.
_NO_GLYPH_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
_VARIATION_SELECTORS = (range(0xFE00, 0xFE10), range(0xE0100, 0xE01F0), range(0x180B, 0x1810))


class RenderLogWatcher(logging.Handler):
    """Collect what WeasyPrint logs about missing glyphs and fonts during one render."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        # A threaded worker may render two reports at once; each watcher
        # keeps only the records of the thread that created it.
        self._thread = threading.get_ident()
        self.missing_codepoints: set[int] = set()
        self.problems: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self._thread:
            return
        message = record.msg if isinstance(record.msg, str) else ""
        args = record.args if isinstance(record.args, tuple) else ()
        if (
            message.startswith(NOTDEF_MESSAGE_PREFIX)
            and len(args) == 2
            and isinstance(args[1], int)
        ):
            self.missing_codepoints.add(args[1])
        elif message.startswith(FONT_FACE_FAILED_PREFIX) or record.levelno >= logging.ERROR:
            self.problems.append(record.getMessage())


@contextmanager
def watch_weasyprint_log() -> Iterator[RenderLogWatcher]:
    """Attach a RenderLogWatcher to the `weasyprint` logger for the duration of the block."""
    logger = logging.getLogger(WEASYPRINT_LOGGER)
    watcher = RenderLogWatcher()
    previous_level = logger.level
    # The warnings must be created even where logging is configured quieter.
    if logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)
    logger.addHandler(watcher)
    try:
        yield watcher
    finally:
        logger.removeHandler(watcher)
        logger.setLevel(previous_level)


@functools.cache
def font_coverage(paths: tuple[Path, ...]) -> frozenset[int]:
    """Return the code points that every one of the fonts maps to a glyph."""
    covered: frozenset[int] | None = None
    for path in paths:
        # lazy=True reads only the cmap table, not the 16 MB of outlines.
        font = TTFont(path, lazy=True)
        try:
            codepoints = frozenset(font.getBestCmap())
        finally:
            font.close()
        covered = codepoints if covered is None else covered & codepoints
    return covered or frozenset()


def _needs_glyph(character: str) -> bool:
    codepoint = ord(character)
    if character.isspace() or unicodedata.category(character) in _NO_GLYPH_CATEGORIES:
        return False
    return not any(codepoint in selectors for selectors in _VARIATION_SELECTORS)


def uncovered_characters(text: Iterable[str], covered: frozenset[int]) -> list[str]:
    """Return, sorted, the characters of the text that need a glyph the fonts lack."""
    found = {character for chunk in text for character in chunk}
    return sorted(c for c in found if ord(c) not in covered and _needs_glyph(c))


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)


def html_text(html: str) -> list[str]:
    """Return the text nodes of an HTML document, entities decoded.

    The content of <style> counts too, because the page footer's words are
    CSS `content` strings.
    """
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return collector.chunks


def describe_characters(characters: Iterable[str]) -> str:
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}" for c in characters)
