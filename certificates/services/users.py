"""Changes users make to their own account."""

from django.conf import settings

from certificates.models import User


def user_language_set(*, user: User, language: str) -> bool:
    """Store the language of the user's mails; return False for a language the site lacks."""
    if language not in dict(settings.LANGUAGES):
        return False
    User.objects.filter(pk=user.pk).update(language=language)
    user.language = language
    return True
