"""Reading rendered PDFs back with pypdf."""

import io
import re
from typing import Any

from pypdf import PdfReader


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in reader(pdf).pages)


def compact(text: str) -> str:
    """Remove all whitespace, so that values wrapped across lines still match."""
    return re.sub(r"\s+", "", text)


def fonts_of(pdf: bytes) -> list[dict[str, Any]]:
    """Return each font of each page with its name and the kind of embedded font file."""
    found = []
    for page in reader(pdf).pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target["/FontDescriptor"].get_object()
            files = [key for key in ("/FontFile", "/FontFile2", "/FontFile3") if key in descriptor]
            found.append({"name": str(font["/BaseFont"]), "files": files})
    return found


def xmp_of(pdf: bytes) -> str:
    metadata = reader(pdf).trailer["/Root"]["/Metadata"].get_object()
    return metadata.get_data().decode()
