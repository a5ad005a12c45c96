from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.forms.fields import JapaneseDateField
from certificates.models import DocumentKind

# One certificate in euc/1 is a few kilobytes; anything near this limit is
# not a certificate.
MAX_JSON_BYTES = 2 * 1024 * 1024


class JsonUploadForm(forms.Form):
    file = forms.FileField(label=_("euc/1 JSON file"))

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_JSON_BYTES:
            raise forms.ValidationError(
                _(
                    "The file is larger than 2 MB. A euc/1 file holds one certificate; check that you chose the right file."
                )
            )
        return upload


class DocumentUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices)
    file = forms.FileField(
        label=_("PDF file"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )


class ReasonForm(forms.Form):
    # Kept exactly as typed: the audit trail records the reviewer's own words.
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class ClearanceForm(forms.Form):
    list_slug = forms.CharField(widget=forms.HiddenInput)
    entry_id = forms.CharField(widget=forms.HiddenInput)
    party_name = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Why is this match a false positive?"), widget=forms.Textarea(attrs={"rows": 2})
    )


class PeriodReportForm(forms.Form):
    period_start = JapaneseDateField(label=_("From"))
    period_end = JapaneseDateField(label=_("To"))

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", _("The end of the period must not be before its start."))
        return cleaned
