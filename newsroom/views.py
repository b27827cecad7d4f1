from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from articles.models import Article, Category

from .pagecache import generation_cached

LATEST_COUNT = 10
PER_SECTION = 4


def home(request):
    """The front page: the lead story, Latest News, and a block per menu category."""
    live = Article.objects.live().latest_first()
    # Finding the featured lead scans the table (no index on the flag): remember the answer.
    featured = generation_cached(
        "home:featured-lead", lambda: live.featured_now().values_list("pk", flat=True).first()
    )
    lead = live.for_listing().lean().filter(**({"pk": featured} if featured else {})).first()
    others = live.exclude(pk=lead.pk) if lead else live
    latest = list(others.headlines()[:LATEST_COUNT])

    menu = Category.menu()
    by_category = others.headlines().newest_per_category(PER_SECTION, menu)
    sections = [
        (category, by_category[category.pk]) for category in menu if category.pk in by_category
    ]

    return render(request, "home.html", {"lead": lead, "latest_news": latest, "sections": sections})


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
