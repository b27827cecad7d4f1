from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from articles.models import Article, Category
from articles.structured_data import website

LATEST_COUNT = 10
PER_SECTION = 4


def home(request):
    """The front page: the lead story, Latest News, and a block per menu category."""
    live = Article.objects.live().for_listing().latest_first()
    lead = live.featured_now().first() or live.first()
    others = live.exclude(pk=lead.pk) if lead else live
    latest = list(others[:LATEST_COUNT])

    menu = Category.menu()
    by_category = {}
    for article in others.filter(category__in=menu).top_per_category(PER_SECTION):
        by_category.setdefault(article.category_id, []).append(article)
    sections = [
        (category, by_category[category.pk]) for category in menu if category.pk in by_category
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


@never_cache
def healthz(request):
    """For load balancers: 200 while the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})
