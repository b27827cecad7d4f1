from django.db import models
from django.db.models import F, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone


class ArticleQuerySet(models.QuerySet):
    def live(self):
        """What readers may see: published, and its publish time has come.

        The one place the rule lives: views, feeds, sitemaps and search all start here, and a
        scheduled article simply becomes live when `published_at` passes (no cron, no worker).
        """
        return self.filter(status=self.model.Status.PUBLISHED, published_at__lte=timezone.now())

    def latest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_listing(self):
        """Everything a list item shows, in a fixed number of queries however long the list."""
        from .models import ArticleAuthor

        return self.select_related("category").prefetch_related(
            Prefetch(
                "article_authors",
                queryset=ArticleAuthor.objects.select_related("author").order_by("position"),
                to_attr="credit_list",
            )
        )

    def in_category(self, category):
        return self.filter(category=category)

    def by_author(self, author):
        return self.filter(authors=author)

    def featured_now(self):
        """Featured articles whose featuring has not expired."""
        now = timezone.now()
        return self.filter(
            Q(featured_until__isnull=True) | Q(featured_until__gt=now), featured=True
        )

    def breaking_now(self):
        """Articles marked breaking whose breaking flag has not expired."""
        now = timezone.now()
        return self.filter(
            Q(breaking_until__isnull=True) | Q(breaking_until__gt=now), breaking=True
        )

    def top_per_category(self, per_category):
        """The newest `per_category` articles of each category, in one query."""
        ranked = self.annotate(
            category_rank=Window(
                RowNumber(),
                partition_by=F("category_id"),
                order_by=[F("published_at").desc(), F("pk").desc()],
            )
        )
        return ranked.filter(category_rank__lte=per_category)


class CategoryQuerySet(models.QuerySet):
    def in_menu(self):
        return self.filter(show_in_menu=True).order_by("menu_position", "name")
