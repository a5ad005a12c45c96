from certificates.models.audit import AuditChainHead, AuditEvent
from certificates.models.certificate import (
    BAND_RANK,
    FOUR_EYES_BANDS,
    Band,
    Certificate,
    CertificateVersion,
    DeclaredUse,
    IntermediaryRole,
    Item,
    Party,
    PartyKind,
)
from certificates.models.decisions import Decision, Outcome
from certificates.models.documents import Document, DocumentKind
from certificates.models.organisations import Organisation, User
from certificates.models.reports import AuditReport, ReportStatus

__all__ = [
    "BAND_RANK",
    "FOUR_EYES_BANDS",
    "AuditChainHead",
    "AuditEvent",
    "AuditReport",
    "Band",
    "Certificate",
    "CertificateVersion",
    "Decision",
    "DeclaredUse",
    "Document",
    "DocumentKind",
    "IntermediaryRole",
    "Item",
    "Organisation",
    "Outcome",
    "Party",
    "PartyKind",
    "ReportStatus",
    "User",
]
