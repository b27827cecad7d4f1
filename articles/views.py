import datetime
import functools

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView

from authors.models import Author
from authors.structured_data import profile_page
from editions.addresses import alternates, current, serving
from freshness.generation import generation_cached, tag

from .cards import Card
from .forms import SearchForm
from .live_views import live_context
from .models import Article, ArticleRedirect, Category
from .pagination import KeptCountPaginator
from .search import highlight, search_articles
from .structured_data import breadcrumbs, lead_images, live_blog_posting, news_article


# Built once per process and only ever cloned (never evaluated): putting the article page's
# bylines prefetch and flags, or a list's columns, together anew was a sixth of an uncached
# article page's CPU. `live()` is applied per request (it reads the clock).
@functools.cache
def _article_pages():
    return Article.objects.for_article_page("name", "slug")  # the bylines name and link them


@functools.cache
def _list_items():
    return Article.objects.for_list_items().latest_first()


class LatestView(ListView):
    """Every live article, newest first."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    count_key = "latest"  # names the list for KeptCountPaginator

    def get_paginate_by(self, queryset):
        return settings.PAGE_SIZE

    def list_tags(self):
        """The tags of which stories the list holds (freshness.generation)."""
        return [f"latest:{current().code}"]

    def get_paginator(self, queryset, per_page, **kwargs):
        count_key = f"{current().code}:{self.count_key}"
        return KeptCountPaginator(
            queryset, per_page, count_key=count_key, tags=self.list_tags(), **kwargs
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tag(*self.list_tags(), *(f"article:{item.pk}" for item in context["object_list"]))
        return context

    def get_queryset(self):
        return _list_items().live().in_edition(current().code)


class CategoryView(LatestView):
    template_name = "articles/category_detail.html"

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        self.count_key = f"category:{self.category.pk}"
        return super().get_queryset().in_category(self.category)

    def list_tags(self):
        return [f"section:{self.category.pk}"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class AuthorView(LatestView):
    """An author's profile and their live articles, newest first."""

    template_name = "authors/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        self.count_key = f"author:{self.author.pk}"
        return super().get_queryset().by_author(self.author)

    def list_tags(self):
        return [f"author:{self.author.pk}", f"bylined:{self.author.pk}"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            author=self.author,
            structured_data=[profile_page(self.author, self.request)],
            **kwargs,
        )


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"
    latest_count = 8
    related_count = 4
    page_cache_parameters = ("page",)  # a live blog's page of updates

    def get(self, request, *args, **kwargs):
        try:
            self.object = self.get_object()
        except Article.DoesNotExist:
            return self.redirect_moved_article()
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_queryset(self):
        return _article_pages().live().in_edition(current().code)

    def get_object(self, queryset=None):
        try:
            day = datetime.date(
                int(self.kwargs["year"]), int(self.kwargs["month"]), int(self.kwargs["day"])
            )
        except (ValueError, OverflowError) as error:
            raise Http404("No such date") from error
        return self.get_queryset().get(url_date=day, slug=self.kwargs["slug"])

    def redirect_moved_article(self):
        """An article whose slug or date changed keeps answering at its old address (301)."""
        live = Article.objects.live().in_edition(current().code)
        article = live.filter(slug=self.kwargs["slug"]).first()
        if article is None:
            moved = ArticleRedirect.objects.filter(old_path=self.request.path).values("article_id")
            article = live.filter(pk__in=moved).first()
        if article is None:
            raise Http404("No such article")
        return redirect(article, permanent=True)

    def headline_lists(self, article):
        """Latest News and more from the section, one longer than shown (for leaving out the
        article itself)."""
        live = Article.objects.live().in_edition(article.language).latest_first().headlines()
        return {
            "latest": [Card.of(item) for item in live[: self.latest_count + 1]],
            "related": [
                Card.of(item)
                for item in live.in_category(article.category_id)[: self.related_count + 1]
            ],
        }

    def translations(self, article):
        """{edition: path} of the article and its live translations (one query, if it has any
        translation at all)."""
        # `has_translations` comes with for_article_page(); an article built otherwise (the
        # admin's preview of an unsaved form) asks.
        if not getattr(article, "has_translations", True):
            return {article.language: article.get_absolute_url()}
        siblings = (
            Article.objects.live()
            .filter(translation_group=article.translation_group)
            .exclude(pk=article.pk)
            .only("slug", "language", "url_date", "published_at")
        )
        return {
            article.language: article.get_absolute_url(),
            **{sibling.language: sibling.get_absolute_url() for sibling in siblings},
        }

    def get_context_data(self, **kwargs):
        article = self.object
        # The same for every article of a section: kept under the page cache's generation.
        lists = generation_cached(
            f"article:lists:{article.language}:{article.category_id}",
            lambda: self.headline_lists(article),
            tags=[f"latest:{article.language}", f"section:{article.category_id}"],
        )
        tag(
            f"article:{article.pk}",
            f"story:{article.translation_group}",
            f"section:{article.category_id}",
            *(f"author:{author.pk}" for _label, people in article.credits for author in people),
        )
        live = live_context(article, self.request) if article.is_live_blog else {}
        return super().get_context_data(
            **live,
            alternates=alternates(self.translations(article), self.request),
            latest_news=[item for item in lists["latest"] if item.pk != article.pk][
                : self.latest_count
            ],
            related_articles=[item for item in lists["related"] if item.pk != article.pk][
                : self.related_count
            ],
            corrections=article.corrections.all() if article.has_corrections else (),
            canonical_url=self.request.build_absolute_uri(article.get_absolute_url()),
            social_image=lead_images(article, self.request)[0],
            structured_data=[
                live_blog_posting(article, live["live_page"], self.request)
                if live
                else news_article(article, self.request),
                breadcrumbs(article, self.request),
            ],
            **kwargs,
        )


@method_decorator(never_cache, name="dispatch")
class SearchView(ListView):
    """Search results: never cached (each query differs) and kept out of search engines."""

    template_name = "articles/search_results.html"
    context_object_name = "articles"
    page_cache_parameters = ("q", "category")  # and `page`: the page cache keeps no others

    def get_paginate_by(self, queryset):
        return settings.PAGE_SIZE

    def get_queryset(self):
        self.form = SearchForm(self.request.GET)
        self.query = ""
        if not self.form.is_valid():
            return Article.objects.none()
        self.query = self.form.cleaned_data["q"]
        return search_articles(
            self.query, category=self.form.cleaned_data["category"], edition=current().code
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, **kwargs)
        highlight(context["articles"], self.query)
        # Page links keep the query and the section.
        params = self.request.GET.copy()
        params.pop("page", None)
        context["page_query"] = params.urlencode()
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response


PREVIEW_SALT = "articles.preview"


def preview_url(article):
    """A signed, expiring, read-only address that shows `article` to someone without a login.

    It names the version shared and the article's preview-link generation: ending the links
    (`article_end_preview_links`) bumps the generation, and publishing ends them too.
    """
    token = signing.dumps(
        [article.pk, article.version, article.preview_links_generation],
        salt=PREVIEW_SALT,
        compress=True,
    )
    # In the article's edition, so the preview shows that edition's language and lists.
    with serving(article.language):
        return reverse("articles:preview", kwargs={"token": token})


class PreviewView(ArticleDetailView):
    """An unpublished article exactly as readers will see it; never cached, never indexed."""

    template_name = "articles/article_preview.html"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.published_at is None:
            # Shown as if published now; this instance is never saved.
            self.object.published_at = timezone.now()
        # In the article's edition wherever it is asked for (the admin's preview too).
        with serving(self.object.language):
            response = self.render_to_response(self.get_context_data(object=self.object))
            response.render()
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
        return response

    def get_queryset(self):
        return Article.objects.for_article_page()

    def get_object(self, queryset=None):
        try:
            pk, self.shared_version, generation = signing.loads(
                self.kwargs["token"],
                salt=PREVIEW_SALT,
                max_age=datetime.timedelta(hours=settings.ARTICLE_PREVIEW_HOURS),
            )
        except (signing.BadSignature, TypeError, ValueError) as error:
            # BadSignature is also raised when the link has expired.
            raise Http404("Preview link invalid or expired") from error
        article = get_object_or_404(self.get_queryset(), pk=pk)
        if article.preview_links_generation != generation or article.is_live:
            raise Http404("Preview link ended")
        if article.is_embargoed:  # an embargo binds every link given out, whenever it was
            raise Http404("Embargoed")
        return article

    def get_context_data(self, **kwargs):
        shared = getattr(self, "shared_version", None)
        edited = shared is not None and self.object.version > shared
        return super().get_context_data(edited_since_shared=edited, **kwargs)
