from django import template

from certificates.audit_labels import action_label

register = template.Library()


@register.filter
def event_label(code: str) -> str:
    return action_label(code)
