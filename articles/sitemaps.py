"""Sitemaps: every live article, and the Google News sitemap (sections, authors and fixed pages
use GenericSitemap: see newsroom/urls.py)."""

import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Article

NEWS_WINDOW = datetime.timedelta(hours=48)
NEWS_LIMIT = 1000


class ArticleSitemap(Sitemap):
    def items(self):
        return (
            Article.objects.live()
            .latest_first()
            .only("slug", "url_date", "published_at", "revised_at")
        )

    def lastmod(self, article):
        return article.revised_at or article.published_at

    def get_latest_lastmod(self):
        # One aggregate instead of Django's default, which walks every item.
        modified = Coalesce("revised_at", "published_at")
        return Article.objects.live().aggregate(latest=Max(modified))["latest"]


class NewsSitemap(Sitemap):
    """Google News: live articles first published in the last 48 hours, at most 1,000."""

    limit = NEWS_LIMIT

    def items(self):
        return (
            Article.objects.live()
            .filter(published_at__gte=timezone.now() - NEWS_WINDOW)
            .latest_first()
            .only("title", "slug", "url_date", "published_at", "language")[:NEWS_LIMIT]
        )
