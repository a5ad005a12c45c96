"""The certificate editor: one form per part of the `euc/1` document.

The forms only collect and normalise input. The interchange validator
decides what a valid document is, and its errors (by field path, such as
`items[1].quantity`) are put back onto the form field they name.
"""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from certificates.forms.fields import (
    JapaneseDateField,
    NormalisedCharField,
    NormalisedDecimalField,
    NormalisedTextField,
)
from certificates.models import IntermediaryRole

LANGUAGES = [("ja", _("Japanese")), ("en", _("English")), ("zh", _("Chinese"))]
SINGLE_PARTIES = ("exporter", "importer", "end_user", "consignee")
PARTY_LABELS = {
    "exporter": _("Exporter"),
    "importer": _("Importer"),
    "end_user": _("End user"),
    "consignee": _("Consignee (only when goods are delivered elsewhere)"),
}


class GeneralForm(forms.Form):
    reference = NormalisedCharField(label=_("Your reference"), max_length=100)
    language = forms.ChoiceField(
        label=_("Language of the statement"), choices=LANGUAGES, initial="ja"
    )
    final_destination = NormalisedCharField(
        label=_("Final destination (country code)"), max_length=2, initial="JP"
    )
    contract_number = NormalisedCharField(
        label=_("Contract number"), max_length=100, required=False
    )
    contract_date = JapaneseDateField(label=_("Contract date"), required=False)
    valid_until = JapaneseDateField(label=_("Valid until"), required=False)


class PartyForm(forms.Form):
    name = NormalisedCharField(label=_("Name (Latin script)"), max_length=300, required=False)
    name_local = NormalisedCharField(label=_("Name (own script)"), max_length=300, required=False)
    corporate_number = NormalisedCharField(
        label=_("Corporate number (法人番号)"), max_length=20, required=False
    )
    country = NormalisedCharField(label=_("Country code"), max_length=2, required=False)
    address = NormalisedCharField(label=_("Address"), max_length=500, required=False)
    business = NormalisedCharField(label=_("Business"), max_length=500, required=False)
    parent = NormalisedCharField(label=_("Parent company"), max_length=300, required=False)

    def has_content(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return any(data.get(name) for name in ("name", "name_local", "corporate_number"))


class IntermediaryForm(PartyForm):
    role = forms.ChoiceField(
        label=pgettext_lazy("intermediary", "Role"),
        choices=[("", "---------"), *IntermediaryRole.choices],
        required=False,
    )


class ItemForm(forms.Form):
    description = NormalisedCharField(label=_("Description"), max_length=500, required=False)
    control_code = NormalisedCharField(label=_("China control code"), max_length=20, required=False)
    hs_code = NormalisedCharField(label=_("HS code"), max_length=20, required=False)
    quantity = NormalisedDecimalField(
        label=_("Quantity"), required=False, min_value=Decimal(0), max_digits=16, decimal_places=3
    )
    unit = NormalisedCharField(label=_("Unit"), max_length=20, required=False)
    value = NormalisedDecimalField(
        label=_("Value"), required=False, min_value=Decimal(0), max_digits=16, decimal_places=2
    )
    currency = NormalisedCharField(label=_("Currency"), max_length=3, required=False)
    specifications = NormalisedTextField(label=_("Specifications"), required=False)

    def has_content(self) -> bool:
        return bool(getattr(self, "cleaned_data", {}).get("description"))


class DeclaredUseForm(forms.Form):
    description = NormalisedTextField(label=_("Declared use"), required=False)
    sector = NormalisedCharField(label=_("Sector"), max_length=200, required=False)
    end_product = NormalisedCharField(label=_("End product"), max_length=200, required=False)
    site = NormalisedCharField(label=_("Site of use"), max_length=300, required=False)
    annual_quantity = NormalisedDecimalField(
        label=_("Annual quantity"),
        required=False,
        min_value=Decimal(0),
        max_digits=16,
        decimal_places=3,
    )
    unit = NormalisedCharField(label=_("Unit"), max_length=20, required=False)

    def has_content(self) -> bool:
        return bool(getattr(self, "cleaned_data", {}).get("description"))


class UndertakingsForm(forms.Form):
    no_military_use = forms.BooleanField(
        label=_("The items will not be used for any military end use."), required=False
    )
    no_wmd_use = forms.BooleanField(
        label=_("The items will not be used for weapons of mass destruction or their delivery."),
        required=False,
    )
    no_transfer_without_consent = forms.BooleanField(
        label=_(
            "The items will not be transferred to a third party without the exporter's consent."
        ),
        required=False,
    )
    no_reexport_without_consent = forms.BooleanField(
        label=_("The items will not be re-exported without the consent of China's authorities."),
        required=False,
    )


class SignatoryForm(forms.Form):
    name = NormalisedCharField(label=_("Signatory name"), max_length=200, required=False)
    title = NormalisedCharField(label=_("Signatory title"), max_length=200, required=False)
    signed_on = JapaneseDateField(label=_("Signed on"), required=False)


IntermediaryFormSet = forms.formset_factory(IntermediaryForm, extra=0, can_delete=True, max_num=20)
ItemFormSet = forms.formset_factory(ItemForm, extra=0, can_delete=True, max_num=100)
DeclaredUseFormSet = forms.formset_factory(DeclaredUseForm, extra=0, can_delete=True, max_num=50)
