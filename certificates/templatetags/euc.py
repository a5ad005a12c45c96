from django import template

from certificates.audit_labels import action_label
from certificates.workflow import Status

register = template.Library()


@register.filter
def event_label(code: str) -> str:
    return action_label(code)


@register.filter
def status_label(code: str) -> str:
    """Return the translated name of a certificate status code, or an unknown code unchanged."""
    return str(Status(code).label) if code in Status.values else code
