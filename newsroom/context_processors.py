from django.conf import settings
from django.utils.functional import SimpleLazyObject

from articles.models import Article, Category
from pages.models import Page

from .pagecache import generation_cached


def breaking_article():
    """The newest live breaking story, for the banner on every page.

    Kept under the page cache's content generation, so the banner costs no query until an
    article changes or a breaking flag's expiry comes.
    """
    return generation_cached("banner:breaking", _newest_breaking)


def _newest_breaking():
    return (
        Article.objects.live()
        .breaking_now()
        .latest_first()
        .only("title", "slug", "url_date", "published_at")
        .first()
    )


def site(request):
    """What every page's header and footer show."""
    return {
        "site_name": settings.SITE_NAME,
        "advertising_email": settings.ADVERTISING_EMAIL,
        "menu_categories": Category.menu(),
        "footer_pages": Page.footer_links(),
        "breaking_news": SimpleLazyObject(breaking_article),
    }
