from django.db import DatabaseError, connection
from django.db.models import prefetch_related_objects
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from articles.models import Article, Category
from articles.querysets import credits_prefetch
from articles.structured_data import website

from .pagecache import generation_cached

LATEST_COUNT = 10
PER_SECTION = 4


def home(request):
    """The front page: the lead story, Latest News, and a block per menu category."""
    menu = Category.menu()
    # Which articles go where, kept until the content or the clock changes it: the front page
    # then costs two short queries, and finding the featured lead (no index) runs once.
    chosen = generation_cached("home:article-ids", lambda: _front_page_ids(menu))
    picked = chosen["latest"] + [pk for ids in chosen["sections"].values() for pk in ids]
    articles = Article.objects.live().headlines().in_bulk([chosen["lead"], *picked])
    lead = articles.get(chosen["lead"])
    if lead:
        prefetch_related_objects([lead], credits_prefetch())
    latest = [articles[pk] for pk in chosen["latest"] if pk in articles]
    sections = [
        (category, [articles[pk] for pk in chosen["sections"][category.pk] if pk in articles])
        for category in menu
        if chosen["sections"].get(category.pk)
    ]
    return render(
        request,
        "home.html",
        {
            "lead": lead,
            "latest_news": latest,
            "sections": sections,
            "structured_data": [website(request)],
            "canonical_url": request.build_absolute_uri(reverse("home")),
        },
    )


def robots_txt(request):
    """Crawlers: both sitemaps (absolute, as the protocol requires), no admin, no search results."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Disallow: {reverse('articles:search')}",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('news-sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _front_page_ids(menu):
    live = Article.objects.live().latest_first()
    ids = live.values_list("pk", flat=True)
    lead = ids.featured_now().first() or ids.first()
    others = live.exclude(pk=lead)
    return {
        "lead": lead,
        "latest": list(others.values_list("pk", flat=True)[:LATEST_COUNT]),
        "sections": others.newest_ids_per_category(PER_SECTION, menu),
    }


@never_cache
def healthz(request):
    """For load balancers: 200 while the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


@never_cache
def bench_baseline(request):
    """The benchmark's yardstick: a fixed response through the full middleware stack."""
    return HttpResponse(b"ok", content_type="text/plain")
