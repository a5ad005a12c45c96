"""The review queue shows each four-eyes case's approvals so far."""

import pytest
from django.urls import reverse

from certificates.selectors import approvals_in_round, approvals_in_rounds
from certificates.services.workflow import certificate_approve, certificate_submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def high_case(create_draft, importer, make_document):
    missile = make_document()["declared_uses"]
    missile[0]["description"] = "誘導ミサイルの操舵用アクチュエータに使用"
    certificate = create_draft("Q-4EYES-1", declared_uses=missile)
    certificate_submit(actor=importer, certificate=certificate)
    certificate.refresh_from_db()
    assert certificate.band in ("high", "prohibited")
    return certificate


def test_rounds_count_current_approvals(high_case, reviewer):
    certificate_approve(actor=reviewer, certificate=high_case, reason="一次確認")

    rounds = approvals_in_rounds([high_case])

    assert [decision.reviewer for decision in rounds[high_case.pk]] == [reviewer]
    assert rounds[high_case.pk] == list(approvals_in_round(high_case))


def test_rounds_restart_after_rescreening(high_case, reviewer):
    certificate_approve(actor=reviewer, certificate=high_case, reason="一次確認")
    latest = high_case.screenings.get()
    # A later result of the same version, as a re-screening stores it.
    latest.pk = None
    latest.save()

    rounds = approvals_in_rounds([high_case])

    assert rounds[high_case.pk] == []
    assert list(approvals_in_round(high_case)) == []


def test_queue_row_shows_progress(client, high_case, reviewer, second_reviewer):
    certificate_approve(actor=reviewer, certificate=high_case, reason="一次確認")

    client.force_login(second_reviewer)
    page = client.get(reverse("review-queue"), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "承認：1 / 2 名" in page
    assert "あなたは承認済み" not in page

    client.force_login(reviewer)
    page = client.get(reverse("review-queue"), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "承認：1 / 2 名" in page
    assert "あなたは承認済み" in page


def test_queue_row_without_four_eyes(client, create_draft, importer, reviewer):
    certificate = create_draft("Q-PLAIN-1")
    certificate_submit(actor=importer, certificate=certificate)
    certificate.refresh_from_db()
    assert certificate.band in ("clear", "review")

    client.force_login(reviewer)
    page = client.get(reverse("review-queue"), HTTP_ACCEPT_LANGUAGE="ja").content.decode()

    assert "Q-PLAIN-1" in page
    assert "承認：0 / 2 名" not in page
