import pytest
from django.core import mail

from certificates.models import Certificate, CertificateVersion, Decision
from certificates.services.audit import audit_chain_verify
from certificates.services.errors import WorkflowError
from certificates.services.workflow import (
    certificate_amend,
    certificate_approve,
    certificate_reject,
    certificate_request_info,
    certificate_revoke,
    certificate_submit,
    certificates_expire,
)
from certificates.workflow import Status

pytestmark = pytest.mark.django_db


def test_submit_freezes_version_and_screens(draft, importer):
    certificate = certificate_submit(actor=importer, certificate=draft)
    version = certificate.versions.get()
    assert certificate.status == Status.SUBMITTED
    assert version.submitted_at is not None
    assert version.screenings.count() == 1
    assert certificate.band == version.screenings.get().band


def test_submit_by_reviewer_is_refused(draft, reviewer):
    with pytest.raises(WorkflowError):
        certificate_submit(actor=reviewer, certificate=draft)
    assert Certificate.objects.get(pk=draft.pk).status == Status.DRAFT


def test_submit_by_other_importer_is_refused(draft, other_importer):
    with pytest.raises(WorkflowError):
        certificate_submit(actor=other_importer, certificate=draft)


def test_submit_twice_is_refused(draft, importer):
    certificate_submit(actor=importer, certificate=draft)
    with pytest.raises(WorkflowError):
        certificate_submit(actor=importer, certificate=draft)


def test_clear_certificate_approved_by_one_reviewer(draft, importer, reviewer):
    certificate_submit(actor=importer, certificate=draft)
    assert Certificate.objects.get(pk=draft.pk).band == "clear"
    approved = certificate_approve(actor=reviewer, certificate=draft, reason="用途妥当")
    assert approved.status == Status.APPROVED
    assert approved.decided_at is not None


def test_importer_told_of_decision(draft, importer, reviewer, django_capture_on_commit_callbacks):
    certificate_submit(actor=importer, certificate=draft)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        certificate_approve(actor=reviewer, certificate=draft, reason="ok")
    assert [message.to for message in mail.outbox] == [[importer.email]]
    assert "T-0001" in mail.outbox[0].subject


def test_high_band_needs_two_reviewers(
    create_draft, importer, reviewer, second_reviewer, make_document
):
    missile = make_document()["declared_uses"]
    missile[0]["description"] = "誘導ミサイルの操舵用アクチュエータに使用"
    certificate = create_draft(declared_uses=missile)
    certificate_submit(actor=importer, certificate=certificate)
    certificate.refresh_from_db()
    assert certificate.band in ("high", "prohibited")

    first = certificate_approve(actor=reviewer, certificate=certificate, reason="一次確認")
    assert first.status == Status.IN_REVIEW
    with pytest.raises(WorkflowError):
        certificate_approve(actor=reviewer, certificate=certificate, reason="もう一度")
    second = certificate_approve(actor=second_reviewer, certificate=certificate, reason="二次確認")
    assert second.status == Status.APPROVED
    assert Decision.objects.filter(certificate=certificate, outcome="approve").count() == 2


def test_reviewer_of_importing_organisation_refused(draft, importer, kansai):
    from certificates.models import User

    insider = User.objects.create_user(username="insider", role="reviewer", organisation=kansai)
    certificate_submit(actor=importer, certificate=draft)
    with pytest.raises(WorkflowError):
        certificate_approve(actor=insider, certificate=draft, reason="自社")
    assert Certificate.objects.get(pk=draft.pk).status == Status.SUBMITTED


def test_importer_cannot_approve(draft, importer):
    certificate_submit(actor=importer, certificate=draft)
    with pytest.raises(WorkflowError):
        certificate_approve(actor=importer, certificate=draft, reason="自分で承認")


def test_auditor_cannot_decide(draft, importer, auditor):
    certificate_submit(actor=importer, certificate=draft)
    with pytest.raises(WorkflowError):
        certificate_reject(actor=auditor, certificate=draft, reason="no")


def test_decision_without_reason_refused(draft, importer, reviewer):
    certificate_submit(actor=importer, certificate=draft)
    with pytest.raises(WorkflowError):
        certificate_reject(actor=reviewer, certificate=draft, reason="   ")


def test_reject_is_final(draft, importer, reviewer):
    certificate_submit(actor=importer, certificate=draft)
    certificate_reject(actor=reviewer, certificate=draft, reason="不適切")
    with pytest.raises(WorkflowError):
        certificate_approve(actor=reviewer, certificate=draft, reason="やはり承認")
    assert Certificate.objects.get(pk=draft.pk).status == Status.REJECTED


def test_info_request_amend_resubmit_keeps_versions(draft, importer, reviewer):
    certificate_submit(actor=importer, certificate=draft)
    certificate_request_info(actor=reviewer, certificate=draft, reason="用途を具体的に")
    assert Certificate.objects.get(pk=draft.pk).status == Status.INFO_REQUESTED

    version = certificate_amend(actor=importer, certificate=draft)
    assert version.number == 2
    assert Certificate.objects.get(pk=draft.pk).status == Status.DRAFT
    certificate_submit(actor=importer, certificate=draft)

    versions = CertificateVersion.objects.filter(certificate=draft).order_by("number")
    assert [v.number for v in versions] == [1, 2]
    assert all(v.submitted_at for v in versions)
    assert versions[0].items.count() == versions[1].items.count() == 1
    assert versions[0].screenings.count() == 1
    assert versions[1].screenings.count() == 1


def test_revoke_after_approval(draft, importer, reviewer):
    certificate_submit(actor=importer, certificate=draft)
    certificate_approve(actor=reviewer, certificate=draft, reason="ok")
    revoked = certificate_revoke(actor=reviewer, certificate=draft, reason="契約解除")
    assert revoked.status == Status.REVOKED


def test_expire_moves_only_lapsed_approvals(create_draft, importer, reviewer):
    from datetime import date

    lapsed = create_draft("T-OLD", valid_until="2027-01-31")
    current = create_draft("T-NEW", valid_until="2027-12-31")
    for certificate in (lapsed, current):
        certificate_submit(actor=importer, certificate=certificate)
        certificate_approve(actor=reviewer, certificate=certificate, reason="ok")
    assert certificates_expire(today=date(2027, 2, 1)) == 1
    assert Certificate.objects.get(pk=lapsed.pk).status == Status.EXPIRED
    assert Certificate.objects.get(pk=current.pk).status == Status.APPROVED


def test_every_step_is_chained_in_audit(draft, importer, reviewer):
    certificate_submit(actor=importer, certificate=draft)
    certificate_approve(actor=reviewer, certificate=draft, reason="ok")
    actions = list(draft.events.order_by("id").values_list("action", flat=True))
    assert actions == [
        "certificate.created",
        "document.uploaded",
        "certificate.submitted",
        "certificate.screened",
        "certificate.review_started",
        "certificate.approved",
    ]
    checked, broken = audit_chain_verify()
    assert broken is None
    assert checked >= len(actions)


def test_submit_without_signed_statement_refused(importer, kansai, document, reference_data):
    from certificates.services.certificates import certificate_create

    certificate = certificate_create(actor=importer, importer=kansai, document=document)
    with pytest.raises(WorkflowError):
        certificate_submit(actor=importer, certificate=certificate)
    assert Certificate.objects.get(pk=certificate.pk).status == Status.DRAFT


def test_resubmission_note_is_recorded(draft, importer, reviewer):
    certificate_submit(actor=importer, certificate=draft)
    certificate_request_info(actor=reviewer, certificate=draft, reason="用途を具体的に")
    certificate_amend(actor=importer, certificate=draft)
    certificate_submit(actor=importer, certificate=draft, note="最終製品を追記しました。")
    event = draft.events.filter(action="certificate.submitted").order_by("-id").first()
    assert event is not None
    assert event.data["note"] == "最終製品を追記しました。"
