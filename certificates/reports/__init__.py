"""Audit-trail PDFs: building the context, laying it out with WeasyPrint, checking the result."""

from certificates.reports.errors import RenderError
from certificates.reports.render import (
    html_to_pdf,
    render_certificate_report,
    render_period_report,
    render_report,
    report_source,
    source_to_pdf,
)

__all__ = [
    "RenderError",
    "html_to_pdf",
    "render_certificate_report",
    "render_period_report",
    "render_report",
    "report_source",
    "source_to_pdf",
]
