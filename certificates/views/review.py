"""Pages for reviewers: the queue and the decisions."""

from collections.abc import Callable
from typing import cast

from django.contrib import messages
from django.core.paginator import Page
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from certificates.forms import ClearanceForm, ReasonForm
from certificates.models import FOUR_EYES_BANDS, Certificate, User
from certificates.permissions import role_required
from certificates.selectors import approvals_in_rounds, certificate_get_for_user, review_queue
from certificates.services.errors import WorkflowError
from certificates.services.workflow import (
    certificate_approve,
    certificate_reject,
    certificate_request_info,
    certificate_revoke,
)
from certificates.views.common import filters_from, list_context
from certificates.workflow import REVIEWABLE_STATES, Action, Role, Status
from screening.services.clearances import clearance_record

DECISIONS: dict[str, Callable[..., Certificate]] = {
    Action.APPROVE: certificate_approve,
    Action.REJECT: certificate_reject,
    Action.REQUEST_INFO: certificate_request_info,
    Action.REVOKE: certificate_revoke,
}


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@role_required(Role.REVIEWER)
def queue(request: HttpRequest) -> HttpResponse:
    filters = filters_from(request)
    context = list_context(request, review_queue(_user(request), filters), filters)
    # The four-eyes progress per row shows a reviewer which cases wait for a second approval.
    page = cast(Page[Certificate], context["page"])
    waiting = [certificate for certificate in page if certificate.band in FOUR_EYES_BANDS]
    rounds = approvals_in_rounds(waiting)
    for certificate in waiting:
        certificate.awaits_four_eyes = True  # type: ignore[attr-defined]
        certificate.round_approvals = rounds[certificate.pk]  # type: ignore[attr-defined]
    context["statuses"] = [
        (value, label) for value, label in Status.choices if value in REVIEWABLE_STATES
    ]
    return render(request, "certificates/queue.html", context)


@require_POST
@role_required(Role.REVIEWER)
def decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    service = DECISIONS.get(action)
    if service is None:
        raise Http404
    user = _user(request)
    certificate = certificate_get_for_user(user, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the reason for your decision."))
        return redirect("certificate-detail", pk=pk)
    try:
        updated = service(actor=user, certificate=certificate, reason=form.cleaned_data["reason"])
    except WorkflowError as error:
        messages.error(request, str(error.message))
        return redirect("certificate-detail", pk=pk)
    if action == Action.APPROVE and updated.status != Status.APPROVED:
        messages.info(
            request,
            _("Your approval was recorded. Band “%(band)s” needs a second reviewer's approval.")
            % {"band": updated.get_band_display()},
        )
    else:
        messages.success(
            request,
            _("The certificate is now “%(status)s”.") % {"status": updated.get_status_display()},
        )
    return redirect("certificate-detail", pk=pk)


@require_POST
@role_required(Role.REVIEWER)
def clearance_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    certificate = certificate_get_for_user(user, pk)
    form = ClearanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write why the match is a false positive."))
        return redirect("certificate-detail", pk=pk)
    try:
        clearance_record(actor=user, certificate=certificate, **form.cleaned_data)
    except WorkflowError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request, _("The clearance was recorded and the certificate was screened again.")
        )
    return redirect("certificate-detail", pk=pk)
