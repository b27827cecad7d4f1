"""A live blog's reader side: its updates on the article page, each update's own address, the
tiny polling endpoint the page's script asks for new updates, and its feed."""

import datetime
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.db.models import Max, Q
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from datelines import dateline
from editions.addresses import current
from freshness.generation import tag
from freshness.pagecache import page_cache_parameters

from .models import Article, Coverage

SINCE = re.compile(r"\d{1,13}")  # milliseconds since the epoch: up to the year 2286
SINCE_LIMIT = 50  # updates one answer carries at most (the rest on the page itself)


def live_blog(kwargs) -> Article:
    """The live (readable) live blog at the address's date and slug, or 404."""
    try:
        day = datetime.date(int(kwargs["year"]), int(kwargs["month"]), int(kwargs["day"]))
    except (ValueError, OverflowError) as error:
        raise Http404("No such date") from error
    article = (
        Article.objects.live()
        .in_edition(current().code)
        .exclude(coverage=Coverage.NONE)
        .filter(url_date=day, slug=kwargs["slug"])
        .only("pk", "title", "slug", "url_date", "published_at", "language", "coverage")
        .first()
    )
    if article is None:
        raise Http404("No such live blog")
    tag(f"article:{article.pk}", f"liveblog:{article.pk}")
    return article


def cursor(*moments) -> int:
    """The polling cursor after `moments` (post and edit times): the newest, in ms."""
    moments = [moment for moment in moments if moment]
    return max(int(moment.timestamp() * 1000) for moment in moments) if moments else 0


def live_context(article, request) -> dict:
    """What the article page adds for a live blog: the pinned update, key events, one page of
    updates (newest first) and where to poll from."""
    tag(f"liveblog:{article.pk}")
    entries = article.entries.prefetch_related("authors")
    page = Paginator(entries, settings.LIVE_ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    newest = article.entries.aggregate(Max("posted_at"), Max("edited_at"))
    return {
        "live_page": page,
        "pinned": entries.filter(pinned=True).first(),
        # With article_id: the related manager sets each row's article, which reads it.
        "key_events": list(
            article.entries.filter(key_event=True).only("pk", "title", "posted_at", "article_id")
        ),
        "live_cursor": cursor(*newest.values()),
        "poll_seconds": settings.LIVE_POLL_SECONDS,
    }


def entry_address(request, **kwargs):
    """An update's own address: the live blog's page that holds it, at its anchor."""
    article = live_blog(kwargs)
    entry = article.entries.filter(pk=kwargs["entry"]).only("posted_at").first()
    if entry is None:
        raise Http404("No such update")
    newer = article.entries.filter(
        Q(posted_at__gt=entry.posted_at) | Q(posted_at=entry.posted_at, pk__gt=entry.pk)
    ).count()
    number = newer // settings.LIVE_ENTRIES_PER_PAGE + 1
    query = f"?page={number}" if number > 1 else ""
    return redirect(f"{article.get_absolute_url()}{query}#update-{kwargs['entry']}")


@page_cache_parameters("since")
def since(request, **kwargs):
    """The updates posted or edited after `since` (ms), as HTML ready to insert, and whether
    coverage is still open. Served from the page cache until the live blog changes."""
    value = request.GET.get("since", "")
    if not SINCE.fullmatch(value):
        return JsonResponse(
            {"error": "since must be a time in milliseconds since the epoch"}, status=400
        )
    article = live_blog(kwargs)
    moment = datetime.datetime.fromtimestamp(int(value) / 1000, tz=datetime.UTC)
    entries = list(
        article.entries.filter(Q(posted_at__gt=moment) | Q(edited_at__gt=moment))
        .prefetch_related("authors")
        .order_by("posted_at", "pk")[:SINCE_LIMIT]
    )
    return JsonResponse(
        {
            "open": article.coverage == Coverage.OPEN,
            "cursor": max(
                cursor(*(moment for e in entries for moment in (e.posted_at, e.edited_at))),
                int(value),
            ),
            "updates": [
                {
                    "id": entry.pk,
                    # Without the request: an update needs no context processor (the menu and
                    # banner would only add their tags to the answer's).
                    "html": render_to_string(
                        "articles/includes/live_entry.html", {"entry": entry, "article": article}
                    ),
                }
                for entry in entries
            ],
        }
    )


class LiveBlogFeed(Feed):
    """A live blog's updates as RSS 2.0, newest first: each update an item."""

    def get_object(self, request, **kwargs):
        return live_blog(kwargs)

    def title(self, article):
        return article.title

    def link(self, article):
        return article.get_absolute_url()

    def description(self, article):
        return _("Live updates: %(title)s") % {"title": article.title}

    def items(self, article):
        return article.entries.prefetch_related("authors")[:SINCE_LIMIT]

    def item_title(self, entry):
        return entry.title or dateline(entry.posted_at)

    def item_description(self, entry):
        return entry.body

    def item_link(self, entry):
        return f"{entry.article.get_absolute_url()}updates/{entry.pk}/"

    def item_pubdate(self, entry):
        return entry.posted_at

    def item_updateddate(self, entry):
        return entry.edited_at or entry.posted_at

    def item_author_name(self, entry):
        names = [author.name for author in entry.authors.all()]
        return ", ".join(names) or None
