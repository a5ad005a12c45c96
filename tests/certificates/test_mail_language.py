"""Mails go out in each recipient's language, which the language switch stores."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from certificates.models import User
from certificates.services.users import user_language_set
from certificates.services.workflow import certificate_approve, certificate_submit

pytestmark = pytest.mark.django_db


def test_switch_stores_language(client, importer):
    client.force_login(importer)

    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})

    assert response.status_code == 302
    assert User.objects.get(pk=importer.pk).language == "en"


def test_switch_without_login_sets_cookie(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})

    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_unknown_language_rejected(importer):
    assert user_language_set(user=importer, language="fr") is False
    assert User.objects.get(pk=importer.pk).language == "ja"


def test_decision_mail_per_language(
    django_capture_on_commit_callbacks, draft, importer, reviewer, kansai
):
    colleague = User.objects.create_user(
        username="kansai-en", email="en@example.invalid", organisation=kansai, language="en"
    )
    certificate_submit(actor=importer, certificate=draft)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        certificate_approve(actor=reviewer, certificate=draft, reason="用途妥当")

    by_recipient = {tuple(message.to): message for message in mail.outbox}
    assert set(by_recipient) == {(importer.email,), (colleague.email,)}
    assert "承認" in by_recipient[(importer.email,)].subject
    assert "approved" in by_recipient[(colleague.email,)].subject.lower()


def test_sign_in_restores_language(client, importer):
    importer.set_password("secret-pass-1")
    importer.save()
    user_language_set(user=importer, language="en")

    response = client.post(
        reverse("login"), {"username": importer.username, "password": "secret-pass-1"}
    )

    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
