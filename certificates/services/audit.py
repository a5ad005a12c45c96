"""Append-only, hash-chained audit events.

Each event's hash is SHA-256 over its canonical JSON together with the
previous event's hash, so editing or deleting any row breaks the chain at
that point.
"""

import hashlib
import json
import math
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.models import AuditChainHead, AuditEvent, Certificate, User
from config.middleware import current_request_id

GENESIS_HASH = "0" * 64


def _stable_numbers(value: Any) -> Any:
    """Write numbers the way PostgreSQL's jsonb gives them back.

    jsonb stores numbers as exact decimals, so -0.0 comes back as 0 and an
    integral float such as 1e16 as an integer. Hashing Python's own spelling
    would make such an event fail verification forever.
    """
    if isinstance(value, dict):
        return {key: _stable_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_stable_numbers(item) for item in value]
    if isinstance(value, float) and math.isfinite(value) and value == int(value):
        return int(value)
    return value


def _canonical(event: AuditEvent) -> bytes:
    payload = {
        "created_at": event.created_at.isoformat(),
        "actor": event.actor_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "certificate": event.certificate_id,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "from_state": event.from_state,
        "to_state": event.to_state,
        "data": _stable_numbers(event.data),
        "request_id": event.request_id,
        "previous_hash": event.previous_hash,
    }
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def event_hash(event: AuditEvent) -> str:
    return hashlib.sha256(_canonical(event)).hexdigest()


def audit_event_record(
    *,
    action: str,
    actor: User | None,
    certificate: Certificate | None = None,
    target: Any = None,
    from_state: str = "",
    to_state: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain inside the caller's transaction."""
    with transaction.atomic():
        head, _created = AuditChainHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"last_hash": GENESIS_HASH}
        )
        event = AuditEvent(
            created_at=timezone.now(),
            actor=actor,
            actor_label=actor.get_username() if actor else "system",
            action=action,
            certificate=certificate,
            object_type=type(target).__name__ if target is not None else "",
            object_id=str(target.pk) if target is not None else "",
            from_state=from_state,
            to_state=to_state,
            # JSON round trip so that the stored value and the hashed value
            # are the same (dates become strings either way).
            data=_stable_numbers(json.loads(json.dumps(data or {}, default=str))),
            request_id=current_request_id(),
            previous_hash=head.last_hash,
        )
        event.hash = event_hash(event)
        event.save()
        head.last_hash = event.hash
        head.event_count += 1
        head.save(update_fields=["last_hash", "event_count"])
    return event


@dataclass(frozen=True)
class ChainBreak:
    event_id: int | None
    reason: str


def audit_chain_verify() -> tuple[int, ChainBreak | None]:
    """Walk the chain in order; return the number of events checked and the first break."""
    previous = GENESIS_HASH
    checked = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.previous_hash != previous:
            return checked, ChainBreak(
                event.pk, str(_("previous_hash does not match the event before it"))
            )
        if event_hash(event) != event.hash:
            return checked, ChainBreak(
                event.pk, str(_("the stored hash does not match the event's content"))
            )
        previous = event.hash
        checked += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is None and checked:
        return checked, ChainBreak(None, str(_("the chain head row is missing")))
    if head is not None and (head.last_hash != previous or head.event_count != checked):
        return checked, ChainBreak(
            None, str(_("the newest events are missing: the chain head does not match"))
        )
    return checked, None
