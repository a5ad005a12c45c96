import pytest
from django.core.management import call_command

from certificates.models import AuditEvent
from certificates.services.audit import audit_chain_verify, audit_event_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(importer):
    return [
        audit_event_record(action="test.event", actor=importer, data={"n": n}) for n in range(5)
    ]


def test_intact_chain_verifies(chain):
    checked, broken = audit_chain_verify()
    assert checked == 5
    assert broken is None


def test_edited_row_is_detected(chain):
    AuditEvent.objects.filter(pk=chain[2].pk).update(data={"n": 99})
    _, broken = audit_chain_verify()
    assert broken is not None
    assert broken.event_id == chain[2].pk


def test_deleted_middle_row_is_detected(chain):
    AuditEvent.objects.filter(pk=chain[2].pk).delete()
    _, broken = audit_chain_verify()
    assert broken is not None
    assert broken.event_id == chain[3].pk


def test_deleted_last_row_is_detected(chain):
    AuditEvent.objects.filter(pk=chain[-1].pk).delete()
    _, broken = audit_chain_verify()
    assert broken is not None
    assert broken.event_id is None


def test_command_reports_first_broken_link(chain, capsys):
    AuditEvent.objects.filter(pk=chain[1].pk).update(action="test.changed")
    with pytest.raises(SystemExit) as exit_info:
        call_command("verify_audit_chain")
    assert exit_info.value.code == 1
    assert f"event {chain[1].pk}" in capsys.readouterr().out


def test_command_passes_intact_chain(chain, capsys):
    call_command("verify_audit_chain")
    assert "5 events checked" in capsys.readouterr().out


def test_awkward_numbers_verify(importer, postgres):
    # jsonb normalises -0.0 and integral floats; the chain must still verify.
    audit_event_record(action="test.numbers", actor=importer, data={"a": -0.0, "b": 1e15, "c": 0.1})
    _, broken = audit_chain_verify()
    assert broken is None


def test_deleted_chain_head_is_detected(chain):
    from certificates.models import AuditChainHead

    AuditChainHead.objects.all().delete()
    _, broken = audit_chain_verify()
    assert broken is not None
