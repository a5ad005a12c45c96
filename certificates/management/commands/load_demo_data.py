from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import transaction

from certificates import demo
from certificates.models import Certificate, DocumentKind, Organisation, User
from certificates.services.certificates import certificate_create
from certificates.services.documents import document_upload
from certificates.services.workflow import (
    certificate_approve,
    certificate_reject,
    certificate_request_info,
    certificate_revoke,
    certificate_submit,
    certificates_expire,
)
from screening.services import watchlist_import
from screening.services.rescreening import certificate_rescreen

DEMO_WATCHLIST = (
    "id,name,aliases,country,corporate_number,address,list_kind,notes\n"
    "DEMO-W-1,Naniwa Logistics Co. Ltd.,なにわ物流株式会社,JP,,Osaka,watch_list,fictional demo entry\n"
    "DEMO-W-2,Setouchi Marine Engineering Co. Ltd.,瀬戸内マリンエンジニアリング株式会社,JP,,Hiroshima,"
    "watch_list,fictional demo entry\n"
).encode()


class Command(BaseCommand):
    help = "Create demo organisations, users of every role and certificates in every state. Idempotent."

    def handle(self, *args: Any, **options: Any) -> None:
        if User.objects.filter(username="reviewer-sato").exists():
            self.stdout.write("demo data present already; nothing changed")
            return
        with transaction.atomic():
            organisations = self._organisations()
            users = self._users(organisations)
            self._certificates(organisations, users)
        self.stdout.write(
            f"demo data created: {Certificate.objects.count()} certificates, {len(users)} users"
        )

    def _organisations(self) -> dict[str, Organisation]:
        return {
            key: Organisation.objects.get_or_create(
                corporate_number=values["corporate_number"], defaults=values
            )[0]
            for key, values in demo.ORGANISATIONS.items()
        }

    def _users(self, organisations: dict[str, Organisation]) -> dict[str, User]:
        users = {}
        for username, role, organisation, last_name, first_name in demo.USERS:
            user = User.objects.create_user(
                username=username,
                password=demo.DEMO_PASSWORD,
                email=f"{username}@example.invalid",
                role=role,
                organisation=organisations[organisation] if organisation else None,
                last_name=last_name,
                first_name=first_name,
            )
            users[username] = user
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser(
                "admin", "admin@example.invalid", demo.DEMO_PASSWORD, role="auditor"
            )
        return users

    def _certificates(self, organisations: dict[str, Organisation], users: dict[str, User]) -> None:
        importer, tokai_user = users["kansai-importer"], users["tokai-importer"]
        sato, tanaka = users["reviewer-sato"], users["reviewer-tanaka"]

        def create(reference: str, owner: User = importer, **changes: Any) -> Certificate:
            document = demo.demo_document(reference, **changes)
            if owner is tokai_user:
                document["importer"] = {
                    **demo.ORGANISATIONS["tokai"],
                    "country": "JP",
                    "address": "愛知県名古屋市",
                }
            return certificate_create(actor=owner, importer=owner.organisation, document=document)  # type: ignore[arg-type]

        def submitted(reference: str, owner: User = importer, **changes: Any) -> Certificate:
            certificate = create(reference, owner, **changes)
            document_upload(
                actor=owner,
                certificate=certificate,
                kind=DocumentKind.SIGNED_STATEMENT,
                upload=SimpleUploadedFile(
                    f"{reference}-signed.pdf",
                    demo.demo_statement_pdf(reference),
                    content_type="application/pdf",
                ),
            )
            return certificate_submit(actor=owner, certificate=certificate)

        def approve(certificate: Certificate, reason: str) -> Certificate:
            # Band high or prohibited needs a second reviewer. Demo data
            # shows the finished state, so both reviewers sign where needed.
            certificate = certificate_approve(actor=sato, certificate=certificate, reason=reason)
            if certificate.status != "approved":
                certificate = certificate_approve(
                    actor=tanaka, certificate=certificate, reason=reason
                )
            return certificate

        create("KD-2026-001")
        submitted("KD-2026-002")
        approved = submitted("KD-2026-003")
        approve(approved, "用途・数量とも妥当。署名済み誓約書を確認。")
        vague = submitted("KD-2026-004", declared_uses=demo.VAGUE_USES)
        certificate_request_info(
            actor=sato, certificate=vague, reason="具体的な最終製品と使用場所を記載してください。"
        )
        missile = submitted("KD-2026-005", declared_uses=demo.MISSILE_USES)
        certificate_approve(actor=tanaka, certificate=missile, reason="確認中（第一承認）。")
        atla = submitted("KD-2026-006", end_user=demo.ATLA_END_USER)
        certificate_reject(
            actor=sato, certificate=atla, reason="最終需要者が防衛装備庁であり、輸出禁止対象。"
        )
        reexport = submitted("TK-2026-001", tokai_user, consignee=demo.SINGAPORE_CONSIGNEE)
        approve(reexport, "シンガポール経由の物流を契約書で確認。")
        submitted("TK-2026-002", tokai_user, end_user=demo.FORWARDER_END_USER)
        old = submitted("TK-2026-003", tokai_user, valid_until="2026-06-30")
        approve(old, "有効期限内の継続取引。")
        certificates_expire()
        revoked = submitted("TK-2026-004", tokai_user)
        approve(revoked, "問題なし。")
        certificate_revoke(
            actor=tanaka, certificate=revoked, reason="輸出者から契約解除の連絡があったため。"
        )
        flagged = submitted(
            "KD-2026-007",
            end_user={
                **demo.FORWARDER_END_USER,
                "business": "電子部品の製造",
                "name_local": "なにわ物流株式会社",
            },
        )
        approve(flagged, "取引実績あり。")
        watchlist_import(slug="demo-watch", data=DEMO_WATCHLIST, name="デモ用ウォッチリスト")
        certificate_rescreen(certificate_id=flagged.pk)
