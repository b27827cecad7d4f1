"""The article list's filters (django-filter), each validated: a value that names nothing
(an unknown edition, section or author) is refused with a 400 naming the parameter rather
than answered with an empty list, so a typo is never mistaken for "no stories"."""

import django_filters
from django.conf import settings
from django.db.models import F
from django.db.models.functions import Coalesce
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from articles.models import Article, Category
from articles.search import MAX_QUERY_LENGTH, search_articles
from authors.models import Author

# The filters that name a list with few variants: its length is worth keeping (api.pagination).
COUNTED = ("edition", "section", "author", "breaking", "featured")


@extend_schema_field({"type": "string", "enum": ["true", "false"]})
class YesNoFilter(django_filters.ChoiceFilter):
    """`true` or `false`, and nothing else (BooleanFilter's widget takes any other word for
    "no filter")."""

    def __init__(self, **kwargs):
        super().__init__(choices=[("true", "true"), ("false", "false")], **kwargs)


@extend_schema_field(OpenApiTypes.STR)
class SlugFilter(django_filters.ModelChoiceFilter):
    """A row named by its slug."""

    def __init__(self, **kwargs):
        super().__init__(to_field_name="slug", **kwargs)


class ArticleFilter(django_filters.FilterSet):
    edition = django_filters.ChoiceFilter(
        choices=lambda: settings.LANGUAGES,
        field_name="language",
        help_text="The edition's language code.",
    )
    section = SlugFilter(
        queryset=Category.objects.all(),
        field_name="category",
        help_text="A section's slug (see /api/v1/sections/).",
    )
    author = SlugFilter(
        queryset=Author.objects.all(),
        method="filter_author",
        help_text="An author's slug: the articles crediting them.",
    )
    since = django_filters.IsoDateTimeFilter(
        method="filter_since",
        help_text="Published or updated at or after this time (ISO 8601; without an offset, "
        "the site's time zone).",
    )
    until = django_filters.IsoDateTimeFilter(
        method="filter_until",
        help_text="Published or updated before this time (ISO 8601).",
    )
    breaking = YesNoFilter(
        method="filter_breaking", help_text="Marked breaking now (true) or not (false)."
    )
    featured = YesNoFilter(
        method="filter_featured", help_text="Featured now (true) or not (false)."
    )
    q = django_filters.CharFilter(
        method="filter_search",
        max_length=MAX_QUERY_LENGTH,
        help_text="Search words: the live articles matching them (as /search/ does), newest first.",
    )

    class Meta:
        model = Article
        fields = ()

    def filter_author(self, queryset, name, value):
        return queryset.by_author(value)

    def filter_since(self, queryset, name, value):
        return self._modified(queryset).filter(api_modified_at__gte=value)

    def filter_until(self, queryset, name, value):
        return self._modified(queryset).filter(api_modified_at__lt=value)

    @staticmethod
    def _modified(queryset):
        # What readers see as the article's time: "Updated" if it was, else published
        # (Article.modified_at).
        if "api_modified_at" in queryset.query.annotations:
            return queryset
        return queryset.annotate(api_modified_at=Coalesce(F("revised_at"), F("published_at")))

    def filter_breaking(self, queryset, name, value):
        if value == "true":
            return queryset.breaking_now()
        return queryset.exclude(pk__in=queryset.breaking_now().values("pk"))

    def filter_featured(self, queryset, name, value):
        if value == "true":
            return queryset.featured_now()
        return queryset.exclude(pk__in=queryset.featured_now().values("pk"))

    def filter_search(self, queryset, name, value):
        found = search_articles(value).values("pk")
        return queryset.filter(pk__in=found)
