from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from articles.models import Category
from articles.sitemaps import ArticleSitemap, NewsSitemap
from authors.models import Author
from editions.sitemaps import SharedSitemap
from freshness.pagecache import page_cache_parameters
from pages.models import Page

from . import views

admin.site.site_header = _("%(site)s administration") % {"site": settings.SITE_NAME}
admin.site.site_title = settings.SITE_NAME
admin.site.index_title = _("Newsroom")


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
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    # The default edition's reader pages (and, at its own host, any edition's).
    path("", include("newsroom.reader_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
