from pathlib import Path

import pytest
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError

from certificates.reports import RenderError, html_to_pdf
from certificates.reports.fetcher import StaticFileFetcher, URLRejectedError, report_static_root


@pytest.fixture
def fetcher() -> StaticFileFetcher:
    return StaticFileFetcher()


def test_fetcher_serves_font_from_static(fetcher: StaticFileFetcher) -> None:
    url = (report_static_root() / "fonts" / "NotoSansCJKjp-Regular.otf").as_uri()
    response = fetcher.fetch(url)
    try:
        assert response.read(4) == b"OTTO"
    finally:
        response.close()


def test_fetcher_serves_data_url(fetcher: StaticFileFetcher) -> None:
    response = fetcher.fetch("data:text/plain;base64,aGVsbG8=")
    assert response.read() == b"hello"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x.css",
        "https://example.invalid/font.otf",
        "ftp://127.0.0.1/x",
        "file:///etc/passwd",
        "file://otherhost/static/fonts/NotoSansCJKjp-Regular.otf",
    ],
)
def test_fetcher_rejects_url_outside_static(fetcher: StaticFileFetcher, url: str) -> None:
    with pytest.raises(URLRejectedError):
        fetcher.fetch(url)


def test_fetcher_rejects_path_escaping_static(fetcher: StaticFileFetcher) -> None:
    escaping = report_static_root().as_uri() + "/fonts/../../pyproject.toml"
    with pytest.raises(URLRejectedError):
        fetcher.fetch(escaping)
    encoded = report_static_root().as_uri() + "/%2e%2e/pyproject.toml"
    with pytest.raises(URLRejectedError):
        fetcher.fetch(encoded)


def test_fetcher_rejects_symlink_out_of_root(tmp_path: Path) -> None:
    root = tmp_path / "static"
    root.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    (root / "link.txt").symlink_to(secret)
    with pytest.raises(URLRejectedError):
        StaticFileFetcher(root).fetch((root / "link.txt").as_uri())


def test_fetcher_stops_weasyprint_on_remote_stylesheet(fetcher: StaticFileFetcher) -> None:
    html = '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"><p>x</p>'
    with pytest.raises(FatalURLFetchingError):
        HTML(string=html, url_fetcher=fetcher).write_pdf()


def test_html_to_pdf_fails_on_remote_image() -> None:
    html = '<p><img src="http://127.0.0.1:9/logo.png">x</p>'
    with pytest.raises(RenderError, match=r"127\.0\.0\.1"):
        html_to_pdf(html, attachment=b"{}", attachment_description="test")
