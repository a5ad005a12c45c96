"""The only way WeasyPrint may load a resource while rendering a report.

A report must look the same on every worker and must not reach the network,
so stylesheets, fonts and images come from the project's static folder and
nowhere else. `data:` URLs are allowed because they carry their content.
"""

import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from weasyprint.urls import URLFetcher, URLFetcherResponse


class URLRejectedError(ValueError):
    """A resource URL that reports may not load."""


def report_static_root() -> Path:
    return (Path(settings.BASE_DIR) / "static").resolve()


def report_base_url() -> str:
    """Return the base URL that relative URLs in report templates resolve against."""
    return report_static_root().as_uri() + "/"


class StaticFileFetcher(URLFetcher):
    """Serve `file:` URLs under the static folder and `data:` URLs; reject everything else.

    `fail_on_errors` makes WeasyPrint stop the render on a rejected URL
    instead of logging it and leaving the resource out.
    """

    def __init__(self, root: Path | None = None) -> None:
        # Only data: URLs ever reach the parent class, so it is limited to them.
        super().__init__(allowed_protocols=("data",), allow_redirects=False, fail_on_errors=True)
        self.root = (root or report_static_root()).resolve()

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise URLRejectedError(f"reports load only files from {self.root}, not {url!r}")
        path = self.resolve(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            path.as_uri(), body=path.open("rb"), headers={"Content-Type": content_type}
        )

    def resolve(self, url: str) -> Path:
        """Return the file a `file:` URL names, if it is a file inside the static folder."""
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise URLRejectedError(f"file URL on another host rejected: {url!r}")
        # resolve() follows symbolic links, so a link that points out of the
        # folder is rejected like a path with "..".
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if not path.is_relative_to(self.root):
            raise URLRejectedError(f"file outside {self.root} rejected: {url!r}")
        if not path.is_file():
            raise URLRejectedError(f"file not found: {url!r}")
        return path
