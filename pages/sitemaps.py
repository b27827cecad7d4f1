from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Page


class PageSitemap(Sitemap):
    def items(self):
        return Page.objects.only("slug", "updated_at")

    def lastmod(self, page):
        return page.updated_at

    def get_latest_lastmod(self):
        return Page.objects.aggregate(latest=Max("updated_at"))["latest"]
