import pytest
from certificates.reports import render_certificate_report, render_period_report


@pytest.mark.django_db
def test_smoke(certificate_report, period_report):
    pdf = render_certificate_report(certificate_report)
    open("/tmp/cert.pdf", "wb").write(pdf)
    pdf = render_period_report(period_report)
    open("/tmp/period.pdf", "wb").write(pdf)
