"""A new ruleset version re-screens stored certificates once."""

import pytest

from certificates.models import AuditEvent
from certificates.services.workflow import certificate_submit
from screening.engine import RULESET_VERSION
from screening.models import RulesetActivation, ScreeningResult
from screening.services.rulesets import ruleset_activate

pytestmark = pytest.mark.django_db


def test_new_installation_records_without_rescreening(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert ruleset_activate() is True

    assert callbacks == []
    assert RulesetActivation.objects.get().version == RULESET_VERSION
    event = AuditEvent.objects.get(action="ruleset.activated")
    assert event.data == {"version": RULESET_VERSION, "rescreening": False}


def test_older_results_queue_rescreening_once(
    django_capture_on_commit_callbacks, create_draft, importer
):
    certificate = create_draft("R-ACT-1")
    certificate_submit(actor=importer, certificate=certificate)
    ScreeningResult.objects.update(ruleset="2026.2")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert ruleset_activate() is True
        assert ruleset_activate() is False

    assert len(callbacks) == 1
    assert RulesetActivation.objects.count() == 1
    assert AuditEvent.objects.get(action="ruleset.activated").data["rescreening"] is True


def test_recorded_version_not_activated_again(django_capture_on_commit_callbacks):
    RulesetActivation.objects.create(version=RULESET_VERSION)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert ruleset_activate() is False

    assert callbacks == []
    assert not AuditEvent.objects.filter(action="ruleset.activated").exists()
