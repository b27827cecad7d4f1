"""schema.org JSON-LD for search engines, built as dicts (the `json_ld` filter writes them out)."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language

from datelines import iso

CROP_RATIOS = ("16x9", "4x3", "1x1")
LOGO = {"path": "images/logo.png", "width": 600, "height": 60}
# What a share card or a search result shows for a page without a picture of its own.
SHARE_IMAGE = {"path": "images/share.png", "width": 1200, "height": 630}


def default_image(request):
    """The absolute URL of the site's share image."""
    return request.build_absolute_uri(static(SHARE_IMAGE["path"]))


def lead_images(article, request):
    """Absolute URLs of the 16:9, 4:3 and 1:1 crops; the original image until crops exist; the
    site's share image for an article without a picture."""
    if not article.lead_image:
        return [default_image(request)]
    crops = article.lead_image_crops
    urls = [crops[ratio]["url"] for ratio in CROP_RATIOS if ratio in crops]
    return [request.build_absolute_uri(url) for url in urls or [article.lead_image_url]]


def publisher(request):
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri(reverse("home")),
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static(LOGO["path"])),
            "width": LOGO["width"],
            "height": LOGO["height"],
        },
    }


def news_article(article, request):
    """NewsArticle for an article page (needs `for_listing()`'s prefetched byline)."""
    url = request.build_absolute_uri(article.get_absolute_url())
    people = list({link.author.pk: link.author for link in article.credit_list}.values())
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title,
        "description": article.search_description,
        "image": lead_images(article, request),
        "datePublished": iso(article.published_at),
        "dateModified": iso(article.modified_at),
        "author": [
            {
                "@type": "Person",
                "name": person.name,
                "url": request.build_absolute_uri(person.get_absolute_url()),
            }
            for person in people
        ],
        "publisher": publisher(request),
        "articleSection": article.category.name,
        "inLanguage": article.language,
    }


def live_blog_posting(article, updates, request):
    """LiveBlogPosting (Google's live-coverage markup): the article as NewsArticle says it, the
    coverage times, and the updates on the page being served."""
    url = request.build_absolute_uri(article.get_absolute_url())
    return {
        **news_article(article, request),
        "@type": "LiveBlogPosting",
        "coverageStartTime": iso(article.coverage_started_at or article.published_at),
        **(
            {"coverageEndTime": iso(article.coverage_ended_at)} if article.coverage_ended_at else {}
        ),
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": update.title or Truncator(strip_tags(update.body)).words(12),
                "url": f"{url}#update-{update.pk}",
                "datePublished": iso(update.posted_at),
                **({"dateModified": iso(update.edited_at)} if update.edited_at else {}),
                "articleBody": strip_tags(update.body),
            }
            for update in updates
        ],
    }


def breadcrumbs(article, request):
    """Home, then the category, then the article."""
    trail = [
        (settings.SITE_NAME, reverse("home")),
        (article.category.name, article.category.get_absolute_url()),
        (article.title, article.get_absolute_url()),
    ]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": request.build_absolute_uri(path),
            }
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }


def website(request):
    """The site, with its search for a search box in results pages."""
    search = request.build_absolute_uri(reverse("articles:search"))
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri(reverse("home")),
        "inLanguage": get_language(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }
