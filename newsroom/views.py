from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from articles.cards import Card
from articles.front_page import front_page
from articles.models import Article
from articles.structured_data import default_image, website
from editions.addresses import alternates, current, fronts
from freshness.generation import cache_reachable, generation_cached, tag


def home(request):
    """The front page: the lead story, Latest News, and a block per menu category."""
    edition = current().code
    tag(f"front:{edition}", f"latest:{edition}", "chrome")  # the sections' blocks follow the menu
    front = generation_cached(
        f"home:front:{edition}",
        lambda: _front_page(edition),
        tags=[f"front:{edition}", f"latest:{edition}", "chrome"],
    )
    return render(
        request,
        "home.html",
        {
            **front,
            "structured_data": [website(request)],
            "alternates": alternates(fronts(), request),
            "canonical_url": request.build_absolute_uri(reverse("home")),
            "social_image": default_image(request),
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


def _front_page(edition):
    """The cards of `edition`'s front page (which stories go where: articles.front_page).

    Kept whole, as cards (articles.cards), under the content generation (see `home`): choosing
    the lead (no index on `featured`) and loading ninety-odd cards then happens once per change,
    not once per request, and a warm front page runs no query.
    """
    chosen = front_page(edition)
    cards = Article.objects.live().in_edition(edition).headlines()
    wanted = chosen.ids - {chosen.lead}
    articles = {article.pk: Card.of(article) for article in cards.filter(pk__in=wanted)}
    lead = cards.with_credits().filter(pk=chosen.lead).first()
    sections = [
        (category, [articles[pk] for pk in chosen.sections.get(category.pk, ()) if pk in articles])
        for category in chosen.menu
    ]
    return {
        "lead": Card.of(lead, with_credits=True) if lead else None,
        "latest_news": [articles[pk] for pk in chosen.latest if pk in articles],
        "sections": [(category, cards) for category, cards in sections if cards],
    }


@never_cache
def healthz(request):
    """For load balancers and monitoring: 200 while the database and the cache answer, else 503
    naming what is down. Asking the cache also makes the content-generation bumps deferred
    while it was down (freshness.generation)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    if not cache_reachable():
        return JsonResponse(
            {"status": "unavailable", "database": "up", "cache": "down"}, status=503
        )
    return JsonResponse({"status": "ok", "database": "up", "cache": "up"})
