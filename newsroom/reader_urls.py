"""Reader pages: the same in every edition, at `/`, `/si/`, `/ta/` or an edition's own host
(editions.middleware serves a prefixed address with this URLconf, the prefix taken off)."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("articles.urls")),
    path("advertise/", include("advertising.urls")),
    # Fixed pages (/about/ …) last, so their slugs never shadow another address.
    path("", include("pages.urls")),
]
