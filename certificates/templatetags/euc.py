from django import template

from certificates.audit_labels import action_label
from certificates.workflow import Status

register = template.Library()


@register.filter
def event_label(code: str) -> str:
    return action_label(code)


@register.filter
def status_label(code: str) -> str:
    """The translated name of a certificate status code; unknown codes are shown as they are."""
    return str(Status(code).label) if code in Status.values else code
