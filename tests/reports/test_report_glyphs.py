import logging

import pytest
from weasyprint import HTML

from certificates.models import AuditReport, Decision
from certificates.reports import RenderError, render_certificate_report
from certificates.reports.glyphs import (
    font_coverage,
    html_text,
    uncovered_characters,
    watch_weasyprint_log,
)
from certificates.reports.render import font_paths

# Noncharacter at the end of plane 16: no font anywhere has a glyph for it.
NO_FONT_CHARACTER = "\U0010fffd"
# GRINNING FACE: not in Noto Sans CJK JP, but DejaVu Sans and emoji fonts
# have it, so on many machines Pango falls back silently.
SYSTEM_FONT_CHARACTER = "\U0001f600"


def test_weasyprint_logs_notdef_for_missing_glyph() -> None:
    with watch_weasyprint_log() as watcher:
        HTML(string=f"<p>A{NO_FONT_CHARACTER}B</p>").write_pdf()
    assert watcher.missing_codepoints == {0x10FFFD}


def test_watcher_ignores_other_threads() -> None:
    with watch_weasyprint_log() as watcher:
        record = logging.LogRecord(
            "weasyprint",
            logging.WARNING,
            __file__,
            1,
            '.notdef glyph rendered for Unicode string unsupported by fonts: "%s" (U+%04X)',
            ("x", 0x78),
            None,
        )
        record.thread = -1
        logging.getLogger("weasyprint").handle(record)
    assert watcher.missing_codepoints == set()


def test_watcher_works_when_logger_is_quiet() -> None:
    logger = logging.getLogger("weasyprint")
    previous = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with watch_weasyprint_log() as watcher:
            HTML(string=f"<p>{NO_FONT_CHARACTER}</p>").write_pdf()
        level_after = logger.level
    finally:
        logger.setLevel(previous)
    assert watcher.missing_codepoints == {0x10FFFD}
    assert level_after == logging.CRITICAL


def test_report_fonts_cover_japanese_and_simplified_chinese() -> None:
    covered = font_coverage(font_paths())
    assert (
        uncovered_characters(
            ["浜松ドライブシステムズ株式会社", "包头稀土磁材有限公司", "①（）「」"], covered
        )
        == []
    )


def test_uncovered_characters_ignores_spacing_and_format_characters() -> None:
    covered = font_coverage(font_paths())
    assert uncovered_characters(["a\tb\n\u200d\ufe0f\u00ad"], covered) == []
    assert uncovered_characters([f"x{SYSTEM_FONT_CHARACTER}"], covered) == [SYSTEM_FONT_CHARACTER]


def test_html_text_decodes_entities() -> None:
    assert "".join(html_text("<p>a&amp;b&#x1F600;</p>")) == f"a&b{SYSTEM_FONT_CHARACTER}"


@pytest.mark.django_db
def test_render_fails_on_character_no_font_has(
    certificate_report: AuditReport, decision: Decision
) -> None:
    decision.reason = f"理由{NO_FONT_CHARACTER}"
    decision.save(update_fields=["reason"])
    with pytest.raises(RenderError, match="U\\+10FFFD"):
        render_certificate_report(certificate_report)


@pytest.mark.django_db
def test_render_fails_on_character_only_system_fonts_have(
    certificate_report: AuditReport, decision: Decision
) -> None:
    decision.reason = f"理由{SYSTEM_FONT_CHARACTER}"
    decision.save(update_fields=["reason"])
    with pytest.raises(RenderError, match="U\\+1F600"):
        render_certificate_report(certificate_report)
