"""The language switch and sign-in, which keep a user's language for screens and mails."""

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
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


class SignInView(LoginView):
    """Sign-in that switches the screens to the language the user last chose."""

    template_name = "registration/login.html"

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        user: User = form.get_user()
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        return response
