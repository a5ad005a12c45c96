"""Build findings with their rendered English message."""

from typing import Any

from .messages import MESSAGES
from .types import Finding


def make_finding(
    rule: str,
    category: str,
    points: int,
    field: str,
    evidence: str,
    params: dict[str, Any],
    **extra: Any,
) -> Finding:
    """Create a finding; raises KeyError for a rule code without a message template."""
    return Finding(
        rule=rule,
        category=category,
        points=int(points),
        field=field,
        evidence=evidence,
        message=MESSAGES[rule] % params,
        params=params,
        **extra,
    )
