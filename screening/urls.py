from django.urls import path

from screening import views

urlpatterns = [
    path("lists/", views.watchlist_list, name="watchlist-list"),
    path("lists/<slug:slug>/", views.watchlist_detail, name="watchlist-detail"),
]
