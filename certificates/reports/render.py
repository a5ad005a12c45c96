"""Rendering audit-trail PDFs (PDF/A-3b, fonts embedded, case data attached as JSON)."""

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from weasyprint import HTML, Attachment
from weasyprint.urls import FatalURLFetchingError

from certificates.models import AuditReport
from certificates.reports.context import certificate_report_context
from certificates.reports.errors import RenderError
from certificates.reports.fetcher import StaticFileFetcher, report_base_url, report_static_root
from certificates.reports.glyphs import (
    describe_characters,
    font_coverage,
    html_text,
    uncovered_characters,
    watch_weasyprint_log,
)
from certificates.reports.labels import css_content
from certificates.reports.payload import certificate_payload, payload_bytes, period_payload
from certificates.reports.period import REPORT_TIME_ZONE, period_report_context

logger = logging.getLogger(__name__)

# The family name differs from the installed "Noto Sans CJK JP" on purpose:
# fontconfig compares family names ignoring case and spaces, and with the same
# name it could pick the system copy instead of the file under static/fonts.
FONT_FAMILY = "NotoSansCJKjp Report"
FONT_FILES = ("fonts/NotoSansCJKjp-Regular.otf", "fonts/NotoSansCJKjp-Bold.otf")
PDF_VARIANT = "pdf/a-3b"
ATTACHMENT_NAME = "audit-trail.json"


@dataclass(frozen=True)
class ReportSource:
    """A report ready to be laid out: its HTML and the JSON to attach."""

    html: str
    payload: dict[str, Any]


def font_paths() -> tuple[Path, ...]:
    root = report_static_root()
    return tuple(root / name for name in FONT_FILES)


def _page_context() -> dict[str, Any]:
    page_label = gettext("Page %(page)s of %(pages)s")
    return {
        "font_family": FONT_FAMILY,
        "footer_content": css_content(
            page_label, {"page": "counter(page)", "pages": "counter(pages)"}
        ),
        "language_code": translation.get_language(),
        "time_zone": REPORT_TIME_ZONE,
        "rendered_at": timezone.now(),
    }


def _render_html(template: str, context: dict[str, Any]) -> str:
    with timezone.override(ZoneInfo(REPORT_TIME_ZONE)):
        return render_to_string(template, {**context, **_page_context()})


def html_to_pdf(html: str, *, attachment: bytes, attachment_description: str) -> bytes:
    """Lay out report HTML as PDF/A-3b with the JSON attached.

    Raises RenderError when a resource outside the static folder is requested,
    when a glyph is missing, or when text would be set in a font other than
    the embedded report fonts.
    """
    fetcher = StaticFileFetcher()
    with watch_weasyprint_log() as watcher:
        try:
            document = HTML(string=html, base_url=report_base_url(), url_fetcher=fetcher).render()
            pdf = document.write_pdf(
                pdf_variant=PDF_VARIANT,
                attachments=[
                    Attachment(
                        string=attachment,
                        name=ATTACHMENT_NAME,
                        description=attachment_description,
                        relationship="Data",
                        url_fetcher=fetcher,
                        created=timezone.now(),
                        modified=timezone.now(),
                    )
                ],
            )
        except FatalURLFetchingError as error:
            raise RenderError(f"{error}: {error.__cause__}") from error
    if watcher.missing_codepoints:
        missing = sorted(chr(codepoint) for codepoint in watcher.missing_codepoints)
        raise RenderError(f"no font has a glyph for: {describe_characters(missing)}")
    if watcher.problems:
        raise RenderError("; ".join(watcher.problems))
    uncovered = uncovered_characters(html_text(html), font_coverage(font_paths()))
    if uncovered:
        raise RenderError(f"the report fonts have no glyph for: {describe_characters(uncovered)}")
    foreign = sorted({font.family for font in document.fonts.values()} - {FONT_FAMILY})
    if foreign:
        raise RenderError(
            f"text was set in fonts other than the report fonts: {', '.join(foreign)}"
        )
    assert isinstance(pdf, bytes)
    return pdf


def certificate_report_source(report: AuditReport) -> ReportSource:
    assert report.certificate is not None
    context = certificate_report_context(report.certificate)
    html = _render_html("reports/certificate.html", context)
    return ReportSource(html=html, payload=certificate_payload(str(report.pk), context))


def period_report_source(report: AuditReport) -> ReportSource:
    assert report.period_start is not None and report.period_end is not None
    context = period_report_context(report.period_start, report.period_end)
    html = _render_html("reports/period.html", context)
    return ReportSource(html=html, payload=period_payload(str(report.pk), context))


def report_source(report: AuditReport) -> ReportSource:
    """Read the database and build the report's HTML and JSON in the report's language."""
    with translation.override(report.language):
        if report.certificate_id is not None:
            return certificate_report_source(report)
        if report.period_start is not None and report.period_end is not None:
            return period_report_source(report)
    raise RenderError(f"report {report.pk} names neither a certificate nor a period")


def source_to_pdf(report: AuditReport, source: ReportSource) -> bytes:
    with translation.override(report.language):
        description = gettext("Certificates, screening results, decisions and audit events as JSON")
        return html_to_pdf(
            source.html,
            attachment=payload_bytes(source.payload),
            attachment_description=description,
        )


def render_report(report: AuditReport) -> bytes:
    """Render a certificate or period report in the report's language."""
    return source_to_pdf(report, report_source(report))


def render_certificate_report(report: AuditReport) -> bytes:
    if report.certificate_id is None:
        raise RenderError(f"report {report.pk} names no certificate")
    return render_report(report)


def render_period_report(report: AuditReport) -> bytes:
    if report.period_start is None or report.period_end is None:
        raise RenderError(f"report {report.pk} names no period")
    return render_report(report)
