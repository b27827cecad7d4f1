"""The public read API (/api/v1/): anonymous, read-only, JSON only, served through the page
cache like the reader pages (freshness.pagecache), so a hit runs no query and an edit ends the
entries under the same rules. Every article starts from `Article.objects.live()`.
"""

import datetime
import functools

from csp.decorators import csp_update
from django.conf import settings
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from modeltranslation.utils import build_localized_fieldname as localized_name
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.fields import DateTimeField
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.response import Response

from articles.front_page import front_page
from articles.models import Article, Category, Correction, Coverage
from authors.models import Author
from editions import registry
from freshness.generation import EVERY, tag
from pages.models import Page

from . import serializers as api
from .filters import COUNTED, ArticleFilter
from .pagination import PAGE, PAGE_SIZE, LiveEntryPagination, Pagination


def open_to_every_origin(response):
    """The public API may be read from any site's JavaScript: one static header (reflecting
    the Origin would need `Vary: Origin`)."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


class PublicView(GenericAPIView):
    """What every API view shares: read-only (other methods answer 405), open to every
    origin, the error shape of api.errors, page-number pagination."""

    pagination_class = Pagination
    filter_backends = ()
    # The query parameters the page cache keeps (it drops every other one).
    page_cache_parameters = ()

    def initial(self, request, *args, **kwargs):
        for name, values in request.query_params.lists():
            if any("\x00" in value for value in values):
                raise ValidationError({name: ["Null characters are not allowed."]})
        if any("\x00" in str(value) for value in kwargs.values()):
            raise NotFound()
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        return open_to_every_origin(super().finalize_response(request, response, *args, **kwargs))

    def get_serializer_context(self):
        return {
            **super().get_serializer_context(),
            "links": api.Links(self.request),
            "now": timezone.now(),
        }


# The columns an article item reads (api.serializers.ArticleSerializer): the rest of the row
# (search and SEO fields, workflow times) stays in the database.
ITEM_FIELDS = (
    *("title", "slug", "standfirst", "body", "language", "translation_group", "url_date"),
    *("published_at", "revised_at", "featured", "featured_until", "breaking", "breaking_until"),
    *("lead_image", "lead_image_width", "lead_image_height", "lead_image_renditions"),
    *("lead_image_alt", "lead_image_caption", "lead_image_credit"),
    "category__slug",
)


@functools.cache
def _items():
    # Built once per process and only ever cloned (never evaluated): putting the bylines'
    # prefetch, the two `Exists` flags and the column list together anew was a fifth of an
    # uncached article's CPU.
    names = (f"category__{localized_name('name', code)}" for code, _name in settings.LANGUAGES)
    return Article.objects.for_article_page().only(*ITEM_FIELDS, *names)


def live_articles():
    """Everything an article item shows, for live articles only."""
    return _items().live()


def with_extras(articles: list) -> list:
    """Give each article its corrections and its live translations: two queries at most,
    however many articles, and none for either when no article has any (most have neither:
    `live_articles()` tells which)."""
    corrected = [article.pk for article in articles if article.has_corrections]
    corrections = {}
    if corrected:
        for item in Correction.objects.filter(article__in=corrected).order_by("created_at", "pk"):
            corrections.setdefault(item.article_id, []).append(item)
    siblings = {}
    groups = {article.translation_group for article in articles if article.has_translations}
    order = list(registry.all_editions())
    if groups:
        for sibling in (
            Article.objects.live()
            .filter(translation_group__in=groups)
            .only("slug", "language", "url_date", "published_at", "translation_group")
            .order_by()
        ):
            siblings.setdefault(sibling.translation_group, []).append(sibling)
    for article in articles:
        article.api_corrections = corrections.get(article.pk, [])
        article.api_translations = sorted(
            (s for s in siblings.get(article.translation_group, ()) if s.pk != article.pk),
            key=lambda sibling: order.index(sibling.language),
        )
    return articles


class ArticleList(ListModelMixin, PublicView):
    """Live articles, newest first."""

    serializer_class = api.ArticleSerializer
    filter_backends = (DjangoFilterBackend,)
    filterset_class = ArticleFilter
    page_cache_parameters = (*ArticleFilter.base_filters, PAGE, PAGE_SIZE)

    def get_queryset(self):
        return live_articles().latest_first()

    def get(self, request, *args, **kwargs):
        # django-filter takes an empty value for "no filter"; only an empty search means that.
        blank = [
            name
            for name in self.filterset_class.base_filters
            if name != "q" and request.query_params.get(name) == ""
        ]
        if blank:
            raise ValidationError({name: ["Give a value, or leave it out."] for name in blank})
        queryset = self.get_queryset()
        filterset = DjangoFilterBackend().get_filterset(request, queryset, self)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        chosen = {name: value for name, value in filterset.form.cleaned_data.items() if value}
        # A list named by few-variant filters keeps its length; one narrowed by time or
        # search is not counted (api.pagination).
        if chosen.keys() <= set(COUNTED):
            self.count_key = "api:articles:" + ",".join(
                f"{name}={getattr(value, 'pk', value)}" for name, value in sorted(chosen.items())
            )
            self.count_scope = chosen.get("edition") or EVERY
        page = with_extras(self.paginate_queryset(filterset.qs))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class ArticleDetail(PublicView):
    """One live article by id. Drafts, scheduled, unpublished and deleted articles answer 404
    alike."""

    serializer_class = api.ArticleSerializer

    def get_queryset(self):
        return live_articles().order_by()  # one row: nothing to sort

    def get_object(self):
        found = with_extras(list(self.get_queryset().filter(pk=self.kwargs["pk"])[:1]))
        if not found:
            raise NotFound()
        return found[0]

    def get(self, request, *args, **kwargs):
        return Response(self.get_serializer(self.get_object()).data)


@extend_schema_view(get=extend_schema(operation_id="articles_by_address"))
class ArticleByAddress(ArticleDetail):
    """One live article by its site address's date and slug (`/2026/12/02/<slug>/`)."""

    def get_object(self):
        try:
            day = datetime.date(
                int(self.kwargs["year"]), int(self.kwargs["month"]), int(self.kwargs["day"])
            )
        except (ValueError, OverflowError) as error:
            raise NotFound() from error
        found = self.get_queryset().filter(url_date=day, slug=self.kwargs["slug"])[:1]
        found = with_extras(list(found))
        if not found:
            raise NotFound()
        return found[0]


def _edition(code: str) -> registry.Edition:
    edition = registry.all_editions().get(code)
    if edition is None:
        raise NotFound()
    return edition


class EditionList(PublicView):
    """The editions, each with its front page, breaking item and articles."""

    serializer_class = api.EditionSerializer
    pagination_class = None

    @extend_schema(responses=api.EditionSerializer(many=True))
    def get(self, request, *args, **kwargs):
        links = api.Links(request)
        return Response(
            [
                {
                    "code": code,
                    "name": edition.native_name,
                    "front_page": f"{links.api}editions/{code}/front-page/",
                    "breaking": f"{links.api}editions/{code}/breaking/",
                    "articles": f"{links.api}articles/?edition={code}",
                }
                for code, edition in registry.all_editions().items()
            ]
        )


class FrontPageView(PublicView):
    """An edition's front page as the site shows it: the lead, Latest News, and each menu
    section's newest stories (articles.front_page)."""

    serializer_class = api.FrontPageSerializer
    pagination_class = None

    def get(self, request, edition):
        code = _edition(edition).code
        chosen = front_page(code)
        articles = {
            article.pk: article
            for article in with_extras(
                list(live_articles().in_edition(code).filter(pk__in=chosen.ids))
            )
        }
        item = api.ArticleSerializer(context=self.get_serializer_context())

        def items(ids):
            return [item.to_representation(articles[pk]) for pk in ids if pk in articles]

        sections = [
            {
                "section": {"slug": category.slug, "name": api.localized(category, "name")[code]},
                "articles": items(chosen.sections.get(category.pk, ())),
            }
            for category in chosen.menu
        ]
        return Response(
            {
                "edition": code,
                "lead": next(iter(items([chosen.lead] if chosen.lead else [])), None),
                "latest": items(chosen.latest),
                "sections": [section for section in sections if section["articles"]],
            }
        )


class BreakingView(PublicView):
    """An edition's breaking-news item: its newest story marked breaking now, or null."""

    serializer_class = api.BreakingSerializer
    pagination_class = None

    def get(self, request, edition):
        code = _edition(edition).code
        newest = live_articles().in_edition(code).breaking_now().latest_first()
        found = with_extras(list(newest[:1]))
        article = None
        if found:
            context = self.get_serializer_context()
            article = api.ArticleSerializer(context=context).to_representation(found[0])
        return Response({"edition": code, "article": article})


class SectionList(ListModelMixin, PublicView):
    """Every section, in menu order, with its name in each edition."""

    serializer_class = api.SectionSerializer
    page_cache_parameters = (PAGE, PAGE_SIZE)
    count_key = "api:sections"
    count_scope = EVERY

    def get_queryset(self):
        return Category.objects.order_by("menu_position", "name", "pk")

    def get(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class AuthorList(SectionList):
    """Every author profile, by name."""

    serializer_class = api.AuthorSerializer
    count_key = "api:authors"

    def get_queryset(self):
        return Author.objects.order_by("name", "pk")


class AuthorDetail(PublicView):
    """One author's profile (their articles: `articles/?author=<slug>`)."""

    serializer_class = api.AuthorSerializer

    def get(self, request, slug):
        author = Author.objects.filter(slug=slug).first()
        if author is None:
            raise NotFound()
        return Response(self.get_serializer(author).data)


class PageList(SectionList):
    """The fixed pages (About, Contact, …)."""

    serializer_class = api.PageSerializer
    count_key = "api:pages"

    def get_queryset(self):
        return Page.objects.order_by("footer_position", "title", "pk")


class PageDetail(PublicView):
    """One fixed page, its title and text in each edition."""

    serializer_class = api.PageSerializer

    def get(self, request, slug):
        page = Page.objects.filter(slug=slug).first()
        if page is None:
            raise NotFound()
        return Response(self.get_serializer(page).data)


def live_blogs():
    """Live articles with live coverage (open or ended): what a live-blog endpoint may show."""
    return (
        Article.objects.live()
        .exclude(coverage=Coverage.NONE)
        .only(
            "pk",
            "title",
            "slug",
            "url_date",
            "language",
            "published_at",
            "coverage",
            "coverage_started_at",
            "coverage_ended_at",
        )
    )


class LiveBlogList(ListModelMixin, PublicView):
    """Live blogs (live articles with live coverage, open or ended): open ones first, then
    newest first."""

    serializer_class = api.LiveBlogSerializer
    page_cache_parameters = ("edition", PAGE, PAGE_SIZE)

    def get_queryset(self):
        return live_blogs().order_by(
            Case(
                When(coverage=Coverage.OPEN, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            "-published_at",
            "-pk",
        )

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "edition",
                str,
                enum=[code for code, _name in settings.LANGUAGES],
                description="The edition's language code.",
            )
        ]
    )
    def get(self, request, *args, **kwargs):
        queryset = self.get_queryset()
        code = request.query_params.get("edition")
        if code is not None:
            queryset = queryset.in_edition(_edition_parameter(code))
        # Opening or closing coverage is an article change, which bumps its edition's tag:
        # the count is kept under it.
        self.count_key = f"api:live-blogs:{code or ''}"
        self.count_scope = code or EVERY
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


def _edition_parameter(code: str) -> str:
    if code not in registry.all_editions():
        choices = ", ".join(registry.all_editions())
        raise ValidationError({"edition": [f"An edition's code: one of {choices}."]})
    return code


def _live_blog(pk) -> Article:
    """The live live blog `pk`, or 404 (unknown, not live and not a live blog alike)."""
    article = live_blogs().filter(pk=pk).first()
    if article is None:
        raise NotFound()
    return article


class LiveBlogDetail(PublicView):
    """One live blog: its coverage and where its updates are. Drafts, scheduled, embargoed,
    expired and unpublished articles, and articles without live coverage, answer 404 alike."""

    serializer_class = api.LiveBlogSerializer

    def get(self, request, pk):
        article = _live_blog(pk)
        # Shows the article, not its updates: a new update leaves this answer be.
        tag(f"article:{article.pk}")
        return Response(self.get_serializer(article).data)


class LiveEntryList(ListModelMixin, PublicView):
    """A live blog's updates, newest first, with its coverage (open or closed). An app polls
    with `since` (the newest `posted_at` or `updated_at` it has) and the answer's ETag."""

    serializer_class = api.LiveEntrySerializer
    pagination_class = LiveEntryPagination
    page_cache_parameters = ("since", PAGE, PAGE_SIZE)
    since_field = DateTimeField()

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "since",
                OpenApiTypes.DATETIME,
                description="Only the updates posted or edited after this time (ISO 8601; "
                "without an offset, the site's time zone).",
            )
        ]
    )
    def get(self, request, pk):
        raw = request.query_params.get("since")
        moment = None
        if raw is not None:
            try:
                moment = self.since_field.to_internal_value(raw)
            except ValidationError as error:
                raise ValidationError({"since": error.detail}) from error
        article = _live_blog(pk)
        # Its coverage (article) and its updates (liveblog): a new update ends this blog's
        # answers and no other's.
        tag(f"article:{article.pk}", f"liveblog:{article.pk}")
        entries = article.entries.prefetch_related("authors")
        if moment is not None:
            entries = entries.filter(Q(posted_at__gt=moment) | Q(edited_at__gt=moment))
        page = self.paginator.paginate_list(entries, request)
        tag(*{f"author:{author.pk}" for entry in page for author in entry.authors.all()})
        self.paginator.coverage = api.coverage(article)
        context = {
            **self.get_serializer_context(),
            "live_blog_page": api.Links(request).page(article),
        }
        data = api.LiveEntrySerializer(page, many=True, context=context).data
        return self.get_paginated_response(data)


@extend_schema(exclude=True)
class Unknown(PublicView):
    """Any other address under /api/: the API's JSON 404, not the site's HTML page."""

    def get(self, request, *args, **kwargs):
        raise NotFound()


class Schema(SpectacularAPIView):
    """The OpenAPI 3 document, as JSON only (choosing a format by Accept would add `Vary`)."""

    renderer_classes = (OpenApiJsonRenderer,)

    def finalize_response(self, request, response, *args, **kwargs):
        return open_to_every_origin(super().finalize_response(request, response, *args, **kwargs))


# Swagger UI's stylesheet draws its icons as data: images. The page is cheap and never stored:
# the policy's exception lives on the response, which a page-cache entry would not keep.
@method_decorator([never_cache, csp_update({"img-src": ["data:"]})], name="dispatch")
class Docs(SpectacularSwaggerSplitView):
    """Swagger UI, from our static files; its start-up script is a second, same-origin
    request (`?script`), so the Content-Security-Policy needs no inline script."""

    template_name = "api/docs.html"
    page_cache_parameters = ("script",)
    url_name = "api:schema"
