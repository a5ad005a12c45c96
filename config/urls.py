from django.contrib import admin
from django.urls import include, path

from certificates.views.language import language_set

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/setlang/", language_set, name="set_language"),
    path("", include("certificates.urls")),
    path("screening/", include("screening.urls")),
]
