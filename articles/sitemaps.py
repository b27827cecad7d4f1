"""Sitemaps: every live article, and the Google News sitemap (sections, authors and fixed pages
are listed in every edition by editions.sitemaps.SharedSitemap: see newsroom/urls.py)."""

import datetime

from django.db.models import Max
from django.utils import timezone

from editions import registry
from editions.sitemaps import EditionsSitemap

from .models import Article

NEWS_WINDOW = datetime.timedelta(hours=48)
NEWS_LIMIT = 1000


class ArticleSitemap(EditionsSitemap):
    def items(self):
        return (
            Article.objects.live()
            .latest_first()
            .only("slug", "language", "url_date", "published_at", "revised_at")
        )

    def lastmod(self, article):
        return article.modified_at

    def get_latest_lastmod(self):
        # One aggregate instead of Django's default, which walks every item. An article is
        # revised only after its publication, so the latest of either is the latest change.
        times = Article.objects.live().aggregate(Max("revised_at"), Max("published_at"))
        return max(filter(None, times.values()), default=None)


class NewsSitemap(EditionsSitemap):
    """Google News: live articles first published in the last 48 hours, at most 1,000, each
    with its edition's language and publication name."""

    limit = NEWS_LIMIT

    def items(self):
        return (
            Article.objects.live()
            .filter(published_at__gte=timezone.now() - NEWS_WINDOW)
            .latest_first()
            .only("title", "slug", "url_date", "published_at", "language")[:NEWS_LIMIT]
        )

    def get_urls(self, *args, **kwargs):
        urls = super().get_urls(*args, **kwargs)
        for url in urls:
            url["publication"] = registry.get(url["item"].language).publication_name
        return urls
