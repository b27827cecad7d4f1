"""RSS and Atom feeds of the latest live articles: the whole site, a category, an author."""

import mimetypes
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from authors.models import Author

from .models import Article, Category

FEED_LENGTH = 20


@dataclass
class Source:
    """What one request's feed is about; it carries the request so image URLs can be absolute."""

    request: HttpRequest
    category: Category | None = None
    author: Author | None = None

    @property
    def subject(self):
        return self.category or self.author


class LatestFeed(Feed):
    """The site's latest live articles as RSS 2.0."""

    def get_object(self, request, *args, **kwargs):
        return Source(request)

    def title(self, source):
        if source.subject:
            return f"{source.subject} | {settings.SITE_NAME}"
        return settings.SITE_NAME

    def link(self, source):
        return source.subject.get_absolute_url() if source.subject else reverse("home")

    def description(self, source):
        if source.subject:
            return _("The latest from %(name)s") % {"name": source.subject}
        return _("The latest news from %(site)s") % {"site": settings.SITE_NAME}

    def articles(self, source):
        # The edition's own articles; the feed's `language` is the edition's (the active one).
        return Article.objects.live().in_edition(get_language()).for_listing().latest_first()

    def items(self, source):
        articles = list(self.articles(source)[:FEED_LENGTH])
        for article in articles:
            if article.lead_image:
                article.enclosure_url = source.request.build_absolute_uri(article.lead_image_url)
        return articles

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        # RSS <description> and Atom <summary type="html"> are read as HTML: the standfirst is
        # plain text, so it goes as escaped text (a "<" in it is shown, never parsed).
        return escape(article.standfirst)

    def item_author_name(self, article):
        return ", ".join(article.author_names) or None

    def item_categories(self, article):
        return [article.category.name]

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.modified_at

    def item_enclosures(self, article):
        url = getattr(article, "enclosure_url", None)
        if not url:
            return []
        # The byte size is recorded at upload, so no feed reads the file; 0 means unknown (RSS
        # Advisory Board).
        length = article.lead_image_bytes or 0
        mime_type = mimetypes.guess_type(article.lead_image.name)[0] or "image/jpeg"
        return [Enclosure(url, str(length), mime_type)]


class LatestAtomFeed(LatestFeed):
    feed_type = Atom1Feed

    def subtitle(self, source):
        return self.description(source)


class CategoryFeed(LatestFeed):
    def get_object(self, request, slug):
        return Source(request, category=get_object_or_404(Category, slug=slug))

    def articles(self, source):
        return super().articles(source).in_category(source.category)


class CategoryAtomFeed(CategoryFeed, LatestAtomFeed):
    pass


class AuthorFeed(LatestFeed):
    def get_object(self, request, slug):
        return Source(request, author=get_object_or_404(Author, slug=slug))

    def articles(self, source):
        return super().articles(source).by_author(source.author)


class AuthorAtomFeed(AuthorFeed, LatestAtomFeed):
    pass
