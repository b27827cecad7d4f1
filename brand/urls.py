"""Site-wide brand addresses (the same under every edition: editions.middleware)."""

from django.urls import path

from . import views

app_name = "brand"
urlpatterns = [
    path("brand/<slug:digest>.css", views.stylesheet, name="stylesheet"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
]
