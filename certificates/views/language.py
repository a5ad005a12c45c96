"""The language switch, which also stores a signed-in user's choice for their mails."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from certificates.models import User
from certificates.services.users import user_language_set


@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    response = set_language(request)
    if request.user.is_authenticated:
        user: User = request.user
        user_language_set(user=user, language=request.POST.get("language", ""))
    return response
