"""Shared fixtures: organisations, users of every role, documents, services."""

import copy
import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from django.conf import settings

from certificates import demo
from certificates.models import Certificate, Organisation, User
from certificates.services.certificates import certificate_create
from certificates.workflow import Role

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"


def service_reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection(
            (parsed.hostname or "127.0.0.1", parsed.port or default_port), timeout=2
        ):
            return True
    except OSError:
        return False


def require_service(name: str, url: str, default_port: int) -> None:
    """Fail under CI, skip elsewhere, when a service the test needs is down."""
    if service_reachable(url, default_port):
        return
    message = f"{name} at {url} is not reachable; start it (see README, 'Tests')."
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def postgres() -> None:
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        if os.environ.get("CI"):
            pytest.fail("DATABASE_URL must name PostgreSQL under CI.")
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://…")
    require_service("PostgreSQL", os.environ.get("DATABASE_URL", ""), 5432)


@pytest.fixture
def redis_broker() -> str:
    url = settings.CELERY_BROKER_URL
    if not url.startswith("redis://"):
        if os.environ.get("CI"):
            pytest.fail("CELERY_BROKER_URL must name Redis under CI.")
        pytest.skip("needs Redis: set CELERY_BROKER_URL=redis://…")
    require_service("Redis", url, 6379)
    return url


@pytest.fixture
def document() -> dict[str, Any]:
    return demo.demo_document("T-0001")


@pytest.fixture
def make_document():
    def make(reference: str = "T-0001", **changes: Any) -> dict[str, Any]:
        return demo.demo_document(reference, **copy.deepcopy(changes))

    return make


@pytest.fixture
def kansai(db) -> Organisation:
    return Organisation.objects.create(**demo.ORGANISATIONS["kansai"])


@pytest.fixture
def tokai(db) -> Organisation:
    return Organisation.objects.create(**demo.ORGANISATIONS["tokai"])


@pytest.fixture
def compliance(db) -> Organisation:
    return Organisation.objects.create(**demo.ORGANISATIONS["compliance"])


def _user(username: str, role: str, organisation: Organisation | None) -> User:
    return User.objects.create_user(
        username=username,
        password="test-pass-2026",
        email=f"{username}@example.invalid",
        role=role,
        organisation=organisation,
    )


@pytest.fixture
def importer(kansai) -> User:
    return _user("kansai-user", Role.IMPORTER, kansai)


@pytest.fixture
def other_importer(tokai) -> User:
    return _user("tokai-user", Role.IMPORTER, tokai)


@pytest.fixture
def reviewer(compliance) -> User:
    return _user("reviewer-one", Role.REVIEWER, compliance)


@pytest.fixture
def second_reviewer(compliance) -> User:
    return _user("reviewer-two", Role.REVIEWER, compliance)


@pytest.fixture
def auditor(db) -> User:
    return _user("auditor-one", Role.AUDITOR, None)


@pytest.fixture
def reference_data(db) -> Iterator[None]:
    from screening.services.indexes import clear_cache
    from screening.services.reference import reference_data_load

    clear_cache()
    reference_data_load()
    yield
    clear_cache()


def attach_statement(user: User, certificate: Certificate) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from certificates.services.documents import document_upload

    pdf = demo.demo_statement_pdf(certificate.reference)
    document_upload(
        actor=user,
        certificate=certificate,
        kind="signed_statement",
        upload=SimpleUploadedFile("statement.pdf", pdf, content_type="application/pdf"),
    )


@pytest.fixture
def draft(importer, kansai, document, reference_data) -> Certificate:
    """A draft with its signed statement uploaded, ready to submit."""
    certificate = certificate_create(actor=importer, importer=kansai, document=document)
    attach_statement(importer, certificate)
    return certificate


@pytest.fixture
def create_draft(importer, kansai, make_document, reference_data):
    def create(reference: str = "T-0001", **changes: Any) -> Certificate:
        document = make_document(reference, **changes)
        certificate = certificate_create(actor=importer, importer=kansai, document=document)
        attach_statement(importer, certificate)
        return certificate

    return create


def load_sample(name: str) -> dict[str, Any]:
    return json.loads((SAMPLES / "certificates" / name).read_text(encoding="utf-8"))
