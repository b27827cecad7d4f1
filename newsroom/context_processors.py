from django.conf import settings
from django.template.loader import render_to_string
from django.utils.functional import lazy
from markupsafe import Markup

from articles.models import Article, Category
from brand.site import advertising_email, site_settings
from editions.addresses import current
from freshness.generation import generation_cached, tag
from pages.models import Page


def site_chrome():
    """The header's sections, the footer's pages, the breaking-news banner and the brand
    (brand.site: logo, colours, social links, footer lines, the home page's video).

    Every page shows them: they are kept as one entry under the page cache's content
    generation, so a page pays one cache round trip for them and no query until a category,
    fixed page or article changes, or a breaking flag expires. They are the same on every
    page of an edition, so they are kept rendered (`site_head`, `site_header`, `site_banner`,
    `site_footer`): a page neither writes them nor unpickles the rows they show.
    """
    edition = current().code
    return generation_cached(
        f"site:chrome:{edition}",
        lambda: _read_chrome(edition),
        tags=["chrome", f"breaking:{edition}"],
    )


def _read_chrome(edition):
    breaking = (
        Article.objects.live()
        .in_edition(edition)
        .breaking_now()
        .latest_first()
        .only("title", "slug", "url_date", "published_at", "language")
        .first()
    )
    live = (
        Article.objects.live()
        .in_edition(edition)
        .live_coverage()
        .latest_first()
        .only("title", "slug", "url_date", "published_at", "language")
        .first()
    )
    tag(*(f"article:{article.pk}" for article in (breaking, live) if article is not None))
    brand = site_settings()  # its tags ("chrome") pass to this entry
    shown = {
        "site_name": settings.SITE_NAME,
        "menu_categories": list(Category.objects.in_menu()),
        "footer_pages": list(Page.objects.only("title", "slug")),
        "breaking_news": breaking,
        "live_news": live,
        "brand": brand,
    }
    # Kept rendered, not as the rows they show: a page then unpickles a few strings.
    return {
        "brand": brand,  # the home page's video slot
        "advertising_email": brand.contact_email,
        "site_head": _rendered("includes/site_head.html", shown),
        "site_header": _rendered("includes/site_header.html", shown),
        "site_banner": _rendered("includes/breaking_banner.html", shown),
        "site_footer": _rendered("includes/site_footer.html", shown),
    }


def _rendered(template_name, context):
    # The Jinja2 backend returns plain text; it is the template's own (escaped) markup.
    return Markup(render_to_string(template_name, context, using="jinja2"))


def identity(request):
    """The site's name and advertising address (also for the admin's and sitemaps' templates).
    The address is read only by a template that shows it: the admin's pages do not."""
    return {"site_name": settings.SITE_NAME, "advertising_email": lazy(advertising_email, str)()}


def site(request):
    """What every reader page's header and footer show."""
    return {"site_name": settings.SITE_NAME, **site_chrome()}
