"""The machine-readable data attached to each audit-trail PDF as JSON.

The events carry exactly the fields their hash covers, so an auditor can
recompute every hash from the attachment alone.
"""

import json
from datetime import date, datetime
from typing import Any

from certificates.conversion import version_to_document
from certificates.models import AuditEvent, Certificate, Decision, Document
from certificates.reports.context import ChainCheck
from screening.models import ScreeningResult

PAYLOAD_FORMAT = "euc-audit/1"


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value else None


def event_data(event: AuditEvent) -> dict[str, Any]:
    return {
        "id": event.pk,
        "created_at": event.created_at.isoformat(),
        "actor": event.actor_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "certificate": event.certificate_id,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "from_state": event.from_state,
        "to_state": event.to_state,
        "data": event.data,
        "request_id": event.request_id,
        "previous_hash": event.previous_hash,
        "hash": event.hash,
    }


def document_data(document: Document) -> dict[str, Any]:
    return {
        "id": document.pk,
        "version": document.version.number,
        "kind": document.kind,
        "original_name": document.original_name,
        "size": document.size,
        "sha256": document.sha256,
        "uploaded_by": document.uploaded_by.get_username(),
        "uploaded_at": _iso(document.uploaded_at),
    }


def screening_data(screening: ScreeningResult) -> dict[str, Any]:
    return {
        "id": screening.pk,
        "version": screening.version.number,
        "created_at": _iso(screening.created_at),
        "trigger": screening.trigger,
        "band": screening.band,
        "score": screening.score,
        "ruleset": screening.ruleset,
        "lists": screening.list_versions,
        "catalogue": screening.catalogue_version,
        "result": screening.result,
    }


def decision_data(decision: Decision) -> dict[str, Any]:
    return {
        "id": decision.pk,
        "certificate": decision.certificate.reference,
        "version": decision.version.number,
        "screening": decision.screening_id,
        "band": decision.screening.band if decision.screening else None,
        "reviewer": decision.reviewer.get_username(),
        "outcome": decision.outcome,
        "reason": decision.reason,
        "created_at": _iso(decision.created_at),
    }


def chain_data(chain: ChainCheck) -> dict[str, Any]:
    return {
        "verified_at": _iso(chain.verified_at),
        "events_checked": chain.events_checked,
        "passed": chain.passed,
        "broken_event_id": chain.broken_event_id,
        "reason": chain.reason,
    }


def certificate_payload(report_id: str, context: dict[str, Any]) -> dict[str, Any]:
    """Build the attachment of a certificate report from its template context."""
    certificate: Certificate = context["certificate"]
    versions = [entry["row"] for entry in context["versions"]]
    return {
        "format": PAYLOAD_FORMAT,
        "report": report_id,
        "certificate": {
            "id": certificate.pk,
            "reference": certificate.reference,
            "importer": certificate.importer.name_local or certificate.importer.name,
            "status": certificate.status,
            "band": certificate.band,
        },
        "versions": [
            {
                "number": v.number,
                "submitted_at": _iso(v.submitted_at),
                "document": version_to_document(v),
            }
            for v in versions
        ],
        "documents": [
            document_data(d) for entry in context["versions"] for d in entry["documents"]
        ],
        "screenings": [
            screening_data(s["row"]) for entry in context["versions"] for s in entry["screenings"]
        ],
        "decisions": [decision_data(d["row"]) for d in context["decisions"]],
        "events": [event_data(e["row"]) for e in context["events"]],
        "chain_verification": chain_data(context["chain"]),
    }


def period_payload(report_id: str, context: dict[str, Any]) -> dict[str, Any]:
    """Build the attachment of a period report from its template context."""
    return {
        "format": PAYLOAD_FORMAT,
        "report": report_id,
        "period": {
            "start": _iso(context["period_start"]),
            "end": _iso(context["period_end"]),
            "time_zone": context["time_zone"],
        },
        "certificates": [
            {
                "reference": group["certificate"].reference,
                "decisions": [decision_data(d["row"]) for d in group["decisions"]],
                "versions": {
                    str(d["row"].version.number): version_to_document(d["row"].version)
                    for d in group["decisions"]
                },
            }
            for group in context["groups"]
        ],
        "chain_verification": chain_data(context["chain"]),
    }


def payload_bytes(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, indent=2, default=str).encode()
