from certificates.forms.editor import CertificateEditor
from certificates.forms.other import (
    ClearanceForm,
    DocumentUploadForm,
    JsonUploadForm,
    PeriodReportForm,
    ReasonForm,
)

__all__ = [
    "CertificateEditor",
    "ClearanceForm",
    "DocumentUploadForm",
    "JsonUploadForm",
    "PeriodReportForm",
    "ReasonForm",
]
