"""The template context of the audit-trail PDF of every decision in a period."""

from collections import Counter
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from certificates.models import Decision, Outcome, PartyKind
from certificates.reports.context import chain_check, status_label, user_label
from certificates.reports.labels import band_label, headings

# Periods are calendar days in Japan, where the reviewers and auditors work.
REPORT_TIME_ZONE = "Asia/Tokyo"


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """Return the half-open interval [start 00:00, the day after end 00:00) in Asia/Tokyo."""
    zone = ZoneInfo(REPORT_TIME_ZONE)
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


def _end_user_label(decision: Decision) -> str:
    end_user = next(
        (p for p in decision.version.parties.all() if p.kind == PartyKind.END_USER), None
    )
    if end_user is None:
        return ""
    return end_user.name_local or end_user.name


def period_report_context(start: date, end: date) -> dict[str, Any]:
    """Build everything the period report template shows, grouped by certificate."""
    lower, upper = period_bounds(start, end)
    decisions = (
        Decision.objects.filter(created_at__gte=lower, created_at__lt=upper)
        .select_related("certificate__importer", "reviewer", "version__certificate", "screening")
        .prefetch_related("version__parties", "version__items")
        .order_by("created_at", "id")
    )
    groups: dict[int, dict[str, Any]] = {}
    outcomes: Counter[str] = Counter()
    for decision in decisions:
        outcomes[decision.outcome] += 1
        group = groups.setdefault(
            decision.certificate_id,
            {
                "certificate": decision.certificate,
                "status_label": status_label(decision.certificate.status),
                "band_label": band_label(decision.certificate.band)
                if decision.certificate.band
                else "",
                "decisions": [],
            },
        )
        group["decisions"].append(
            {
                "row": decision,
                "reviewer": user_label(decision.reviewer),
                "band_label": band_label(decision.screening.band) if decision.screening else "",
                "end_user": _end_user_label(decision),
                "items": list(decision.version.items.all()),
            }
        )
    return {
        "period_start": start,
        "period_end": end,
        "time_zone": REPORT_TIME_ZONE,
        "groups": list(groups.values()),
        "decision_count": sum(outcomes.values()),
        "outcome_counts": [(label, outcomes.get(value, 0)) for value, label in Outcome.choices],
        "chain": chain_check(),
        "headings": headings(),
    }
