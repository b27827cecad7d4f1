from django.db import models
from django.db.models import Exists, Min, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

HEADLINE_FIELDS = (
    "title",
    "slug",
    "standfirst",
    "url_date",
    "published_at",
    "category_id",
    "lead_image",
    "lead_image_width",
    "lead_image_height",
    "lead_image_alt",
    "lead_image_renditions",
)


def credits_prefetch():
    """Bylines in order, as `article.credit_list` (what `Article.credits` reads)."""
    from .models import ArticleAuthor

    return Prefetch(
        "article_authors",
        queryset=ArticleAuthor.objects.select_related("author").order_by("position"),
        to_attr="credit_list",
    )


class ArticleQuerySet(models.QuerySet):
    count_key = None

    def with_kept_count(self, key: str):
        """This list, with its `count()` (a list page's "Page N of M") kept under the content
        generation as `key`: counting every live article costs PostgreSQL more than the rest
        of the page, and the number only changes when content or the clock does."""
        clone = self._chain()
        clone.count_key = key
        return clone

    def count(self):
        if self.count_key is None or self._result_cache is not None:
            return super().count()
        from freshness.generation import generation_cached

        return generation_cached(f"count:{self.count_key}", super().count)

    def _clone(self):
        clone = super()._clone()
        clone.count_key = self.count_key
        return clone

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
        return self.select_related("category").prefetch_related(credits_prefetch())

    def for_article_page(self):
        """An article page's article: bylines, section, and whether it has corrections (most
        have none, and then the page need not ask for them)."""
        from .models import Correction

        return (
            self.for_listing()
            .defer("search_vector")
            .annotate(has_corrections=Exists(Correction.objects.filter(article=OuterRef("pk"))))
        )

    def for_list_items(self):
        """What an item on a list page shows (headline, section, image, time): no bylines."""
        return self.select_related("category").lean()

    def lean(self):
        """Leaves out the big columns that only an article page shows."""
        return self.defer("body", "search_vector")

    def headlines(self):
        """Only what a headline or a card shows (no body, no bylines)."""
        return self.only(*HEADLINE_FIELDS)

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

    def next_scheduled_change(self):
        """When the public site next changes by the clock alone, or None.

        That is the earliest future publish time of a scheduled article, or the earliest future
        end of a featured or breaking flag; caches must not hold a page past it.
        """
        now = timezone.now()
        moments = self.aggregate(
            publish=Min(
                "published_at",
                filter=Q(status=self.model.Status.PUBLISHED, published_at__gt=now),
            ),
            featured=Min("featured_until", filter=Q(featured=True, featured_until__gt=now)),
            breaking=Min("breaking_until", filter=Q(breaking=True, breaking_until__gt=now)),
        )
        return min(filter(None, moments.values()), default=None)

    def newest_ids_per_category(self, count, categories):
        """The ids of the newest `count` articles of each of `categories`, in one query.

        For each category, `count` subqueries that each take one row from the category's index:
        a window over every row, the obvious way, costs hundreds of milliseconds at 100k rows.
        """
        ranked = self.filter(category=OuterRef("pk")).order_by("-published_at", "-pk")
        category_model = self.model._meta.get_field("category").related_model
        rows = (
            category_model.objects.filter(pk__in=[c.pk for c in categories])
            .annotate(**{f"n{i}": Subquery(ranked.values("pk")[i : i + 1]) for i in range(count)})
            .values_list("pk", *[f"n{i}" for i in range(count)])
        )
        return {pk: [article for article in newest if article] for pk, *newest in rows}


class CategoryQuerySet(models.QuerySet):
    def in_menu(self):
        return self.filter(show_in_menu=True).order_by("menu_position", "name")
