from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import connections, models
from django.db.models import Exists, F, Func, Min, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname as localized_name

HEADLINE_FIELDS = (
    "title",
    "slug",
    "language",
    "standfirst",
    "url_date",
    "published_at",
    "category_id",
    "lead_image",
    "lead_image_width",
    "lead_image_height",
    "lead_image_alt",
    "lead_image_renditions",
    "coverage",
)


# The times at which an article changes the public site by the clock alone, each with the
# (field, value) under which it counts: publishing, embargo end and expiry of a published
# article, the end of a featured or breaking flag.
CLOCK_FIELDS = {
    "published_at": ("status", "published"),
    "embargo_until": ("status", "published"),
    "expires_at": ("status", "published"),
    "featured_until": ("featured", True),
    "breaking_until": ("breaking", True),
}


class ArticleQuerySet(models.QuerySet):
    def live(self):
        """What readers may see: published, its publish time come, its embargo (if any) lifted
        and its expiry (if any) not reached.

        The one place the rule lives: views, feeds, sitemaps, search, related stories and
        structured data all start here, and a scheduled, embargoed or expiring article simply
        appears or leaves when its time passes (no cron, no worker).
        """
        now = timezone.now()
        return self.filter(
            Q(embargo_until__isnull=True) | Q(embargo_until__lte=now),
            Q(expires_at__isnull=True) | Q(expires_at__gt=now),
            status=self.model.Status.PUBLISHED,
            published_at__lte=now,
        )

    def in_edition(self, code):
        """The articles of one edition (a language code)."""
        return self.filter(language=code)

    def latest_first(self):
        return self.order_by("-published_at", "-pk")

    def with_credits(self, *author_fields):
        """Bylines in order, as `article.credit_list` (what `Article.credits` reads). With
        `author_fields`, only those of each author: a page or list that names its authors need
        not read (and decode) every author's bio, photo renditions and links."""
        credits = self.model._meta.get_field("article_authors").related_model.objects
        credits = credits.select_related("author").order_by("position")
        if author_fields:
            names = (f"author__{name}" for name in author_fields)
            credits = credits.only("article", "position", "role", *names)
        return self.prefetch_related(
            Prefetch("article_authors", queryset=credits, to_attr="credit_list")
        )

    def for_listing(self, *author_fields):
        """Everything a list item shows, in a fixed number of queries however long the list
        (`author_fields`: as with_credits())."""
        return self.select_related("category").with_credits(*author_fields)

    def for_article_page(self, *author_fields):
        """An article page's article: bylines, section, and whether it has corrections or
        translations (most have neither, and then the page need not ask for them);
        `author_fields` as with_credits()."""
        corrections = self.model._meta.get_field("corrections").related_model.objects
        siblings = self.model.objects.filter(translation_group=OuterRef("translation_group"))
        return (
            self.for_listing(*author_fields)
            .defer("search_vector")
            .annotate(
                has_corrections=Exists(corrections.filter(article=OuterRef("pk"))),
                has_translations=Exists(siblings.exclude(pk=OuterRef("pk"))),
            )
        )

    def for_list_items(self):
        """What an item on a list page shows (headline, section, image, time): no bylines."""
        # The section's slug and its name in each edition, not its descriptions.
        names = (f"category__{localized_name('name', code)}" for code, _name in settings.LANGUAGES)
        return self.select_related("category").only(*HEADLINE_FIELDS, "category__slug", *names)

    def lean(self):
        """Leaves out the big columns that only an article page shows."""
        return self.defer("body", "search_vector")

    def headlines(self):
        """Only what a headline or a card shows (no body, no bylines)."""
        return self.only(*HEADLINE_FIELDS)

    def seen_by(self, user, *, editions):
        """What a staff member without the publish permission may open in the admin: live
        articles, their own (created or credited), and all the work of `editions` (the
        editions of their desks; articles.permissions.visible_articles says which)."""
        credits = self.model._meta.get_field("article_authors").related_model.objects
        now = timezone.now()
        return self.filter(
            Q(status=self.model.Status.PUBLISHED, published_at__lte=now)
            | Q(created_by=user)
            | Exists(credits.filter(article=OuterRef("pk"), author__user=user))
            | Q(language__in=editions)
        )

    def in_category(self, category):
        return self.filter(category=category)

    def by_author(self, author):
        """Articles crediting `author`, each once however many credits they have."""
        credits = self.model._meta.get_field("article_authors").related_model.objects
        return self.filter(Exists(credits.filter(article=OuterRef("pk"), author=author)))

    def featured_now(self):
        """Featured articles whose featuring has not expired."""
        now = timezone.now()
        return self.filter(
            Q(featured_until__isnull=True) | Q(featured_until__gt=now), featured=True
        )

    def live_coverage(self):
        """Live blogs whose coverage is open."""
        return self.filter(coverage="open")

    def breaking_now(self):
        """Articles marked breaking whose breaking flag has not expired."""
        now = timezone.now()
        return self.filter(
            Q(breaking_until__isnull=True) | Q(breaking_until__gt=now), breaking=True
        )

    def next_scheduled_change(self):
        """When the public site next changes by the clock alone, or None.

        That is the earliest future publish time, embargo end or expiry of a published article,
        or the earliest future end of a featured or breaking flag; caches must not hold a page
        past it.
        """
        now = timezone.now()
        moments = self.aggregate(
            **{
                name: Min(name, filter=Q(**{flag: value, f"{name}__gt": now}))
                for name, (flag, value) in CLOCK_FIELDS.items()
            }
        )
        return min(filter(None, moments.values()), default=None)

    def refresh_search_vectors(self) -> int:
        """Recompute the stored search vectors of these articles in one UPDATE; returns how many.

        The database keeps vectors current on every write (migration 0007): this is for rows
        loaded with the triggers off, or after a change to what the vector holds. A no-op on
        databases without full-text search.
        """
        if connections[self.db].vendor != "postgresql":
            return 0
        vector = Func(
            *(F(name) for name in ("pk", "title", "standfirst", "body", "language")),
            function="articles_search_vector",
            output_field=SearchVectorField(),
        )
        return self.order_by().update(search_vector=vector)

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
