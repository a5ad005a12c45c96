"""Conversion between `euc/1` interchange documents and stored certificate versions."""

from datetime import date
from decimal import Decimal
from typing import Any

from certificates.models import CertificateVersion, DeclaredUse, Item, Party, PartyKind

PARTY_FIELDS = (
    "name",
    "name_local",
    "corporate_number",
    "country",
    "address",
    "business",
    "parent",
    "role",
)
ITEM_FIELDS = (
    "description",
    "control_code",
    "hs_code",
    "quantity",
    "unit",
    "value",
    "currency",
    "specifications",
)
USE_FIELDS = ("description", "sector", "end_product", "site", "annual_quantity", "unit")
SINGLE_PARTY_KINDS = (
    PartyKind.EXPORTER,
    PartyKind.IMPORTER,
    PartyKind.END_USER,
    PartyKind.CONSIGNEE,
)
UNDERTAKINGS = (
    "no_military_use",
    "no_wmd_use",
    "no_transfer_without_consent",
    "no_reexport_without_consent",
)


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def _party_dict(party: Party) -> dict[str, Any]:
    return {name: getattr(party, name) for name in PARTY_FIELDS}


def version_to_document(version: CertificateVersion) -> dict[str, Any]:
    """Build the interchange document of one stored version."""
    parties = list(version.parties.all())
    document: dict[str, Any] = {
        "format": "euc/1",
        "reference": version.certificate.reference,
        "language": version.language,
    }
    for kind in SINGLE_PARTY_KINDS:
        found = next((p for p in parties if p.kind == kind), None)
        if found is not None:
            document[str(kind)] = _party_dict(found)
    document["intermediaries"] = [
        _party_dict(p)
        for p in sorted(parties, key=lambda p: p.position)
        if p.kind == PartyKind.INTERMEDIARY
    ]
    document["contract"] = {"number": version.contract_number, "date": _iso(version.contract_date)}
    document["items"] = [
        {
            "description": item.description,
            "control_code": item.control_code,
            "hs_code": item.hs_code,
            "quantity": _number(item.quantity),
            "unit": item.unit,
            "value": _number(item.value),
            "currency": item.currency,
            "specifications": item.specifications,
        }
        for item in version.items.all()
    ]
    document["declared_uses"] = [
        {
            "description": use.description,
            "sector": use.sector,
            "end_product": use.end_product,
            "site": use.site,
            "annual_quantity": _number(use.annual_quantity),
            "unit": use.unit,
        }
        for use in version.declared_uses.all()
    ]
    document["final_destination"] = version.final_destination
    document["undertakings"] = {name: getattr(version, name) for name in UNDERTAKINGS}
    document["signatory"] = {
        "name": version.signatory_name,
        "title": version.signatory_title,
        "signed_on": _iso(version.signed_on),
    }
    if version.valid_until:
        document["valid_until"] = version.valid_until.isoformat()
    return _drop_nulls(document)


def _drop_nulls(value: Any) -> Any:
    # The schema types numbers as numbers, so an empty quantity is left out
    # rather than written as null.
    if isinstance(value, dict):
        return {key: _drop_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_drop_nulls(item) for item in value]
    return value


def _date_or_none(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _decimal_or_none(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    return Decimal(str(value))


def version_fill_from_document(version: CertificateVersion, document: dict[str, Any]) -> None:
    """Set a version's fields and create its rows from a valid, normalised document.

    The version must be saved already and have no rows yet.
    """
    contract = document.get("contract") or {}
    undertakings = document.get("undertakings") or {}
    signatory = document.get("signatory") or {}
    version.language = document.get("language") or "ja"
    version.contract_number = contract.get("number") or ""
    version.contract_date = _date_or_none(contract.get("date"))
    version.final_destination = document["final_destination"]
    for name in UNDERTAKINGS:
        setattr(version, name, bool(undertakings.get(name)))
    version.signatory_name = signatory.get("name") or ""
    version.signatory_title = signatory.get("title") or ""
    version.signed_on = _date_or_none(signatory.get("signed_on"))
    version.valid_until = _date_or_none(document.get("valid_until"))
    version.save()

    parties = [
        _party_row(version, kind, 0, document[str(kind)])
        for kind in SINGLE_PARTY_KINDS
        if document.get(str(kind))
    ]
    parties += [
        _party_row(version, PartyKind.INTERMEDIARY, index, data)
        for index, data in enumerate(document.get("intermediaries") or [])
    ]
    Party.objects.bulk_create(parties)
    Item.objects.bulk_create(
        Item(
            version=version,
            position=index,
            description=data.get("description") or "",
            control_code=data.get("control_code") or "",
            hs_code=data.get("hs_code") or "",
            quantity=_decimal_or_none(data.get("quantity")),
            unit=data.get("unit") or "",
            value=_decimal_or_none(data.get("value")),
            currency=data.get("currency") or "",
            specifications=data.get("specifications") or "",
        )
        for index, data in enumerate(document["items"])
    )
    DeclaredUse.objects.bulk_create(
        DeclaredUse(
            version=version,
            position=index,
            description=data.get("description") or "",
            sector=data.get("sector") or "",
            end_product=data.get("end_product") or "",
            site=data.get("site") or "",
            annual_quantity=_decimal_or_none(data.get("annual_quantity")),
            unit=data.get("unit") or "",
        )
        for index, data in enumerate(document["declared_uses"])
    )


def _party_row(
    version: CertificateVersion, kind: str, position: int, data: dict[str, Any]
) -> Party:
    return Party(
        version=version,
        kind=kind,
        position=position,
        **{name: data.get(name) or "" for name in PARTY_FIELDS},
    )


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, item in value.items():
            flat.update(_flatten(item, f"{prefix}.{key}" if prefix else key))
        return flat
    if isinstance(value, list):
        flat = {}
        for index, item in enumerate(value):
            flat.update(_flatten(item, f"{prefix}[{index}]"))
        return flat
    return {prefix: value}


def document_changes(before: dict[str, Any], after: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """List (field path, old value, new value) for every field that differs between two documents."""
    old, new = _flatten(before), _flatten(after)
    changes = []
    for path in sorted(set(old) | set(new)):
        if old.get(path, "") != new.get(path, ""):
            changes.append((path, old.get(path, ""), new.get(path, "")))
    return changes
