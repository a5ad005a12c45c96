"""All forms of the certificate editor bound together, to and from a document."""

import re
from typing import Any

from django import forms
from django.http import QueryDict

from certificates.forms.certificate import (
    PARTY_LABELS,
    SINGLE_PARTIES,
    DeclaredUseFormSet,
    GeneralForm,
    IntermediaryFormSet,
    ItemFormSet,
    PartyForm,
    SignatoryForm,
    UndertakingsForm,
)

_PATH = re.compile(r"^(?P<head>[a-z_]+)(?:\[(?P<index>\d+)\])?(?:\.(?P<field>[a-z_]+))?")
_GENERAL_FIELDS = {"reference", "language", "final_destination", "valid_until"}
ADD_BUTTONS = {
    "add_intermediary": "intermediaries",
    "add_item": "items",
    "add_use": "declared_uses",
}


def _plain(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value is None:
        return None
    if hasattr(value, "as_tuple"):  # Decimal
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _with_extra_row(data: QueryDict, prefix: str) -> QueryDict:
    copy = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    copy[key] = str(int(copy.get(key, "0") or 0) + 1)
    return copy


class CertificateEditor:
    def __init__(
        self, data: QueryDict | None = None, document: dict[str, Any] | None = None
    ) -> None:
        document = document or {}
        if data is not None:
            for button, prefix in ADD_BUTTONS.items():
                if button in data:
                    data = _with_extra_row(data, prefix)
        self.general = GeneralForm(data, prefix="general", initial=self._general_initial(document))
        self.parties = {
            kind: PartyForm(data, prefix=kind, initial=document.get(kind) or {})
            for kind in SINGLE_PARTIES
        }
        self.party_labels = PARTY_LABELS
        self.intermediaries = IntermediaryFormSet(
            data, prefix="intermediaries", initial=document.get("intermediaries") or []
        )
        self.items = ItemFormSet(data, prefix="items", initial=document.get("items") or [{}])
        self.declared_uses = DeclaredUseFormSet(
            data, prefix="declared_uses", initial=document.get("declared_uses") or [{}]
        )
        self.undertakings = UndertakingsForm(
            data, prefix="undertakings", initial=document.get("undertakings") or {}
        )
        self.signatory = SignatoryForm(
            data, prefix="signatory", initial=document.get("signatory") or {}
        )
        self.extra_errors: list[tuple[str, str]] = []

    @staticmethod
    def _general_initial(document: dict[str, Any]) -> dict[str, Any]:
        contract = document.get("contract") or {}
        return {
            "reference": document.get("reference", ""),
            "language": document.get("language", "ja"),
            "final_destination": document.get("final_destination", "JP"),
            "contract_number": contract.get("number", ""),
            "contract_date": contract.get("date", ""),
            "valid_until": document.get("valid_until", ""),
        }

    @property
    def adding_row(self) -> bool:
        return any(button in self.general.data for button in ADD_BUTTONS)

    def all_forms(self) -> list[forms.Form]:
        return [
            self.general,
            *self.parties.values(),
            self.undertakings,
            self.signatory,
            *self.intermediaries.forms,
            *self.items.forms,
            *self.declared_uses.forms,
        ]

    def is_valid(self) -> bool:
        results = [
            form.is_valid()
            for form in (self.general, *self.parties.values(), self.undertakings, self.signatory)
        ]
        results += [
            formset.is_valid() for formset in (self.intermediaries, self.items, self.declared_uses)
        ]
        return all(results)

    def _kept(self, formset: forms.BaseFormSet) -> list[forms.Form]:
        return [
            form
            for form in formset.forms
            if not form.cleaned_data.get("DELETE") and form.has_content()
        ]

    def to_document(self) -> dict[str, Any]:
        """Build the `euc/1` document from valid forms; empty rows and parties are left out."""
        general = self.general.cleaned_data
        document: dict[str, Any] = {
            "format": "euc/1",
            "reference": general.get("reference") or "",
            "language": general.get("language") or "ja",
        }
        for kind, form in self.parties.items():
            if form.has_content() or kind in ("importer", "end_user"):
                document[kind] = {
                    name: _plain(value) or "" for name, value in form.cleaned_data.items()
                }
        document["intermediaries"] = [self._row(form) for form in self._kept(self.intermediaries)]
        document["contract"] = {
            "number": general.get("contract_number") or "",
            "date": _plain(general.get("contract_date")) or "",
        }
        document["items"] = [self._row(form) for form in self._kept(self.items)]
        document["declared_uses"] = [self._row(form) for form in self._kept(self.declared_uses)]
        document["final_destination"] = (general.get("final_destination") or "").upper()
        document["undertakings"] = dict(self.undertakings.cleaned_data)
        signatory = self.signatory.cleaned_data
        document["signatory"] = {
            "name": signatory.get("name") or "",
            "title": signatory.get("title") or "",
            "signed_on": _plain(signatory.get("signed_on")) or "",
        }
        if general.get("valid_until"):
            document["valid_until"] = _plain(general["valid_until"])
        return document

    def partial_document(self) -> dict[str, Any]:
        """Build the document from whatever fields are valid, so one save reports every error."""
        for form in self.all_forms():
            if not hasattr(form, "cleaned_data"):
                form.full_clean()
        return self.to_document()

    @staticmethod
    def _row(form: forms.Form) -> dict[str, Any]:
        row = {}
        for name, value in form.cleaned_data.items():
            if name == "DELETE":
                continue
            plain = _plain(value)
            if plain is None:
                continue
            row[name] = plain
        return row

    def apply_errors(self, errors: list[Any]) -> None:
        """Put each validator error on the form field its path names."""
        for error in errors:
            if not self._place(error.field, error.message):
                self.extra_errors.append((error.field, error.message))

    def _place(self, path: str, message: str) -> bool:
        match = _PATH.match(path)
        if not match:
            return False
        head, index, field = match["head"], match["index"], match["field"]
        if head in _GENERAL_FIELDS:
            return self._add(self.general, head, message)
        if head == "contract" and field in ("number", "date"):
            return self._add(self.general, f"contract_{field}", message)
        if head in self.parties:
            return self._add(self.parties[head], field or "name_local", message)
        if head in ("undertakings", "signatory"):
            form = self.undertakings if head == "undertakings" else self.signatory
            return self._add(form, field, message)
        formset = {
            "intermediaries": self.intermediaries,
            "items": self.items,
            "declared_uses": self.declared_uses,
        }.get(head)
        if not isinstance(formset, forms.BaseFormSet) or formset is None or index is None:
            return False
        kept = self._kept(formset)
        if int(index) >= len(kept):
            return False
        return self._add(kept[int(index)], field, message)

    @staticmethod
    def _add(form: forms.Form, field: str | None, message: str) -> bool:
        if field is None or field not in form.fields:
            return False
        # A field the form itself rejected keeps that error; the validator saw
        # it as empty and would only add a misleading second message.
        if field not in form.errors:
            form.add_error(field, message)
        return True

    @property
    def error_count(self) -> int:
        total = len(self.extra_errors)
        for form in self.all_forms():
            total += sum(len(errors) for errors in form.errors.values())
        return total
