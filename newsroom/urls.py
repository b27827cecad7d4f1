from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from accounts.urls import password_patterns, two_factor_patterns
from articles.models import Category
from articles.sitemaps import ArticleSitemap, NewsSitemap
from authors.models import Author
from editions.sitemaps import SharedSitemap
from freshness.pagecache import page_cache_parameters
from pages.models import Page

from . import views
from .health import full_health

admin.site.site_header = _("%(site)s administration") % {"site": settings.SITE_NAME}
admin.site.site_title = settings.SITE_NAME
admin.site.index_title = _("Newsroom")
# The admin's front page is the desk's and the sales team's dashboard (it also warns Sales of
# enquiries whose e-mails failed for good). An app's admin/index.html would never be found:
# django.contrib.admin's own comes first.
admin.site.index_template = "admin/newsroom/index.html"


def _every(model):
    """Each row's page in every edition, last modified when the row was."""
    return SharedSitemap(model.objects.only("slug", "updated_at"), "updated_at")


SITEMAPS = {
    "articles": ArticleSitemap,
    "categories": _every(Category),
    "authors": _every(Author),
    "pages": _every(Page),
}

# A long sitemap is paged with ?p=.
sitemap_page = page_cache_parameters("p")(sitemap_views.sitemap)

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("healthz/full", full_health, name="health"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap_page,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(
        "news-sitemap.xml",
        sitemap_page,
        {"sitemaps": {"news": NewsSitemap}, "template_name": "articles/news_sitemap.xml"},
        name="news-sitemap",
    ),
    # Staff sign-in, second factors, password reset and sessions (accounts/), before the admin
    # so that its /admin/login/ is the two-step one.
    path("admin/", include((two_factor_patterns, "two_factor"))),
    path("admin/", include(password_patterns)),
    path("admin/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("", include("brand.urls")),
    # The default edition's reader pages (and, at its own host, any edition's).
    path("", include("newsroom.reader_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
