"""A certificate with Japanese and Chinese names, a document, a screening and a decision."""

import copy
import hashlib
from datetime import date
from typing import Any

import pytest
from django.core.files.base import ContentFile

from certificates.models import (
    AuditReport,
    Certificate,
    Decision,
    Document,
    DocumentKind,
    Organisation,
    Outcome,
    User,
)
from certificates.services.audit import audit_event_record
from certificates.services.certificates import certificate_create
from certificates.workflow import Role
from screening.models import ScreeningResult

SERVO_DOCUMENT: dict[str, Any] = {
    "format": "euc/1",
    "reference": "S-01-servo",
    "language": "ja",
    "exporter": {
        "name": "Baotou Rare Earth Magnet Co., Ltd.",
        "name_local": "包头稀土磁材有限公司",
        "country": "CN",
        "address": "Baotou, Inner Mongolia",
    },
    "importer": {
        "name": "Kansai Magnetics Trading Co., Ltd.",
        "name_local": "関西マグネティクス商事株式会社",
        "corporate_number": "1030001098765",
        "country": "JP",
        "address": "Osaka",
    },
    "end_user": {
        "name": "Hamamatsu Drive Systems Co., Ltd.",
        "name_local": "浜松ドライブシステムズ株式会社",
        "corporate_number": "4010001234567",
        "country": "JP",
        "address": "Hamamatsu, Shizuoka",
        "business": "産業用サーボモーターの製造",
    },
    "contract": {"number": "BT-26-0088", "date": "2026-02-10"},
    "items": [
        {
            "description": "Sintered NdFeB magnets N42",
            "control_code": "",
            "hs_code": "8505.11",
            "quantity": 300,
            "unit": "kg",
            "value": 21000,
            "currency": "USD",
            "specifications": "N42, 20x10x4 mm, NiCuNi coating",
        }
    ],
    "declared_uses": [
        {
            "description": "産業用ロボット向けサーボモーターのロータに使用",
            "sector": "industrial machinery",
            "end_product": "servo motors",
            "site": "Hamamatsu, Shizuoka",
            "annual_quantity": 3600,
            "unit": "kg",
        }
    ],
    "final_destination": "JP",
    "undertakings": {
        "no_military_use": True,
        "no_wmd_use": True,
        "no_transfer_without_consent": True,
        "no_reexport_without_consent": True,
    },
    "signatory": {"name": "鈴木 花子", "title": "取締役 輸出管理責任者", "signed_on": "2026-02-12"},
}

FINDING_MESSAGE = "用途の記載が曖昧です: 一般産業用"
DOCUMENT_CONTENT = b"%PDF-1.4\n% signed statement of S-01-servo\n"


def screening_result_dict() -> dict[str, Any]:
    return {
        "reference": "S-01-servo",
        "band": "review",
        "score": 35,
        "categories": {
            "military_end_user": {"score": 0, "findings": []},
            "military_end_use": {"score": 0, "findings": []},
            "military_capability": {
                "score": 35,
                "findings": [
                    {
                        "rule": "use.vague",
                        "points": 35,
                        "field": "declared_uses[0].description",
                        "evidence": "一般産業用",
                        "message": FINDING_MESSAGE,
                        "params": {"text": "一般産業用"},
                    },
                    {
                        "rule": "party.watchlist_match",
                        "points": 20,
                        "field": "end_user.name",
                        "evidence": "浜松ドライブシステムズ",
                        "message": "監視リストの候補と名称が近い: 浜松ドライブ",
                        "params": {"name": "浜松ドライブ"},
                        "entry": {
                            "list": "cn-watch",
                            "id": "W-07",
                            "name": "浜松ドライブ",
                            "similarity": 0.81,
                        },
                        "cleared": {
                            "cleared_by": "reviewer1",
                            "reason": "別法人（法人番号が異なる）",
                        },
                    },
                ],
            },
        },
        "ruleset": "2026.1",
        "lists": {"cn-control": 3, "cn-watch": 2, "jp-mod": 1},
    }


@pytest.fixture
def importer_org() -> Organisation:
    return Organisation.objects.create(
        name="Kansai Magnetics Trading Co., Ltd.",
        name_local="関西マグネティクス商事株式会社",
        corporate_number="1030001098765",
    )


@pytest.fixture
def compliance_org() -> Organisation:
    return Organisation.objects.create(name="Compliance Office", name_local="輸出管理審査室")


@pytest.fixture
def importer_user(importer_org: Organisation) -> User:
    return User.objects.create_user(
        "importer1",
        password="x",
        role=Role.IMPORTER,
        organisation=importer_org,
        last_name="山田",
        first_name="太郎",
    )


@pytest.fixture
def reviewer(compliance_org: Organisation) -> User:
    return User.objects.create_user(
        "reviewer1",
        password="x",
        role=Role.REVIEWER,
        organisation=compliance_org,
        last_name="佐藤",
        first_name="健",
    )


@pytest.fixture
def auditor(compliance_org: Organisation) -> User:
    return User.objects.create_user(
        "auditor1", password="x", role=Role.AUDITOR, organisation=compliance_org
    )


@pytest.fixture
def certificate(importer_user: User, importer_org: Organisation) -> Certificate:
    return certificate_create(
        actor=importer_user, importer=importer_org, document=copy.deepcopy(SERVO_DOCUMENT)
    )


@pytest.fixture
def document(certificate: Certificate, importer_user: User) -> Document:
    version = certificate.versions.get(number=1)
    row = Document.objects.create(
        certificate=certificate,
        version=version,
        kind=DocumentKind.SIGNED_STATEMENT,
        file=ContentFile(DOCUMENT_CONTENT, name="statement.pdf"),
        original_name="署名済み証明書.pdf",
        size=len(DOCUMENT_CONTENT),
        sha256=hashlib.sha256(DOCUMENT_CONTENT).hexdigest(),
        uploaded_by=importer_user,
    )
    audit_event_record(
        action="document.uploaded",
        actor=importer_user,
        certificate=certificate,
        target=row,
        data={"sha256": row.sha256},
    )
    return row


@pytest.fixture
def screening(certificate: Certificate) -> ScreeningResult:
    result = screening_result_dict()
    row = ScreeningResult.objects.create(
        certificate=certificate,
        version=certificate.versions.get(number=1),
        band=result["band"],
        score=result["score"],
        result=result,
        ruleset=result["ruleset"],
        list_versions=result["lists"],
        catalogue_version="c0ffee",
    )
    audit_event_record(
        action="certificate.screened",
        actor=None,
        certificate=certificate,
        target=row,
        data={"band": row.band},
    )
    return row


@pytest.fixture
def decision(certificate: Certificate, screening: ScreeningResult, reviewer: User) -> Decision:
    row = Decision.objects.create(
        certificate=certificate,
        version=certificate.versions.get(number=1),
        screening=screening,
        reviewer=reviewer,
        outcome=Outcome.APPROVE,
        reason="用途と数量は整合しており、最終需要者は民生メーカーである。",
    )
    audit_event_record(
        action="certificate.approved",
        actor=reviewer,
        certificate=certificate,
        target=row,
        from_state="in_review",
        to_state="approved",
        data={"reason": row.reason},
    )
    return row


@pytest.fixture
def full_case(certificate: Certificate, document: Document, decision: Decision) -> Certificate:
    return certificate


@pytest.fixture
def certificate_report(full_case: Certificate, auditor: User) -> AuditReport:
    return AuditReport.objects.create(certificate=full_case, requested_by=auditor, language="ja")


@pytest.fixture
def period_report(full_case: Certificate, auditor: User) -> AuditReport:
    today = date.today()
    return AuditReport.objects.create(
        period_start=today.replace(day=1), period_end=today, requested_by=auditor, language="ja"
    )
