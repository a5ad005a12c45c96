"""The `euc/1` interchange format: one JSON object per end-user certificate.

Callers load the text, normalise the document, then validate it:

    document = normalise_document(load_document(text))
    errors = validate_document(document)

or call `parse_document(text)`, which does all three and raises InterchangeError.
"""

from certificates.interchange.errors import FieldError, InterchangeError
from certificates.interchange.loading import load_document, parse_document
from certificates.interchange.normalisation import normalise_date, normalise_document
from certificates.interchange.validation import load_schema, validate_document

__all__ = [
    "FieldError",
    "InterchangeError",
    "load_document",
    "load_schema",
    "normalise_date",
    "normalise_document",
    "parse_document",
    "validate_document",
]
