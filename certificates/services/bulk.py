"""Bulk import of `euc/1` documents as submitted certificates."""

from typing import Any

from django.db import transaction

from certificates.models import Certificate, Organisation, User
from certificates.services.certificates import certificate_create
from certificates.services.workflow import certificate_submit
from certificates.workflow import Role
from screening.engine.corporate_number import normalise_corporate_number


def organisation_for_party(party: dict[str, Any]) -> Organisation:
    """Find the importer by corporate number, then by name; create it when unknown."""
    number = normalise_corporate_number(party.get("corporate_number") or "")
    if number:
        found = Organisation.objects.filter(corporate_number=number).first()
        if found is not None:
            return found
    name_local = party.get("name_local") or ""
    name = party.get("name") or ""
    found = (
        Organisation.objects.filter(name_local=name_local).first() if name_local else None
    ) or (Organisation.objects.filter(name=name).first() if name else None)
    if found is not None:
        return found
    return Organisation.objects.create(
        name=name,
        name_local=name_local or name,
        corporate_number=number,
        country=party.get("country") or "JP",
    )


def _import_user(organisation: Organisation) -> User:
    # Imported certificates need an author. An inactive account per importer
    # marks them as imported in the audit trail, and no one can log in as it.
    user, created = User.objects.get_or_create(
        username=f"import-{organisation.pk}",
        defaults={"role": Role.IMPORTER, "organisation": organisation, "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def certificate_import_submitted(*, document: dict[str, Any]) -> Certificate:
    """Store a validated, normalised document as a submitted, screened certificate."""
    with transaction.atomic():
        organisation = organisation_for_party(document["importer"])
        actor = _import_user(organisation)
        certificate = certificate_create(
            actor=actor, importer=organisation, document=document, source="import"
        )
        return certificate_submit(actor=actor, certificate=certificate, statement_required=False)
