"""What the API answers, declared as DRF serializers (the OpenAPI schema is generated from
them). The article, by far the most served, is written out by hand in `to_representation`:
DRF's field-by-field machinery cost several times the rest of an uncached list. The declared
fields stay the contract; the schema test and Schemathesis hold the output to them.
"""

import html

from django.conf import settings
from django.utils.encoding import iri_to_uri
from django.utils.html import strip_tags
from django.utils.text import Truncator
from modeltranslation.utils import build_localized_fieldname
from rest_framework import serializers

from articles.models import ArticleAuthor
from datelines import iso
from editions.addresses import absolute_url
from images.media import media_url
from images.renditions import CROPS

SUMMARY_CHARS = 280
ROLES = {role.value: (role.value or "writer") for role in ArticleAuthor.Role}


class Links:
    """Absolute addresses for one request, built without a `reverse()` per item."""

    def __init__(self, request):
        self.request = request
        self.origin = request.build_absolute_uri("/")[:-1]
        self.api = f"{self.origin}/api/v1/"
        self._edition_origins = {}

    def absolute(self, url: str) -> str:
        return self.origin + url if url.startswith("/") else url

    def page(self, article) -> str:
        """The article's page on the site: percent-encoded, on its edition's host if it has
        one (editions.addresses), that host worked out once per edition and request."""
        code = article.language
        origin = self._edition_origins.get(code)
        if origin is None:
            origin = self._edition_origins[code] = absolute_url(code, "/", self.request)[:-1]
        return origin + iri_to_uri(article.get_absolute_url())


def localized(instance, field: str) -> dict[str, str]:
    """The field's text in every edition, English where an edition has none."""
    fallback = getattr(instance, build_localized_fieldname(field, settings.LANGUAGE_CODE))
    return {
        code: getattr(instance, build_localized_fieldname(field, code), "") or fallback or ""
        for code, _name in settings.LANGUAGES
    }


class SizedImageSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


# Keyed by ratio, as Article.lead_image_renditions is ("16x9" is no Python name).
CropsSerializer = type(
    "CropsSerializer",
    (serializers.Serializer,),
    {ratio: SizedImageSerializer(required=False) for ratio in CROPS},
)


class PhotoSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="The original upload.")
    alt = serializers.CharField()
    srcset = SizedImageSerializer(many=True, help_text="Square WebP widths, narrowest first.")


class LeadImageSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="The original upload.")
    width = serializers.IntegerField(allow_null=True)
    height = serializers.IntegerField(allow_null=True)
    alt = serializers.CharField()
    caption = serializers.CharField()
    credit = serializers.CharField()
    srcset = SizedImageSerializer(many=True, help_text="WebP widths, narrowest first.")
    crops = CropsSerializer(help_text="Centre crops (JPEG): keys 16x9, 4x3 and 1x1.")


class SectionRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField(help_text="In the article's edition.")


class BylineSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()
    role = serializers.ChoiceField(choices=sorted(ROLES.values()))
    url = serializers.URLField(help_text="The author in the API.")
    photo = PhotoSerializer(allow_null=True)


class CorrectionSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["correction", "clarification"])
    text = serializers.CharField()
    created_at = serializers.DateTimeField()


class TranslationSerializer(serializers.Serializer):
    edition = serializers.CharField()
    id = serializers.IntegerField()
    url = serializers.URLField(help_text="The translation in the API.")
    canonical_url = serializers.URLField()


class ArticleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField(help_text="This article in the API.")
    canonical_url = serializers.URLField(help_text="Its page on the site.")
    edition = serializers.CharField(help_text="The edition's language code.")
    headline = serializers.CharField()
    standfirst = serializers.CharField()
    summary = serializers.CharField(help_text="Plain text: the standfirst, else the body's start.")
    body_html = serializers.CharField(help_text="Sanitised HTML.")
    section = SectionRefSerializer()
    bylines = BylineSerializer(many=True, help_text="In their order on the page.")
    published_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField(
        allow_null=True, help_text="The 'Updated' time readers see, if any."
    )
    breaking = serializers.BooleanField(help_text="Marked breaking now.")
    featured = serializers.BooleanField(help_text="Featured now.")
    lead_image = LeadImageSerializer(allow_null=True)
    corrections = CorrectionSerializer(many=True)
    translations = TranslationSerializer(many=True, help_text="Its live translations.")

    def to_representation(self, article):
        links = self.context["links"]
        now = self.context["now"]
        language = article.language
        category = article.category
        return {
            "id": article.pk,
            "url": f"{links.api}articles/{article.pk}/",
            "canonical_url": links.page(article),
            "edition": language,
            "headline": article.title,
            "standfirst": article.standfirst,
            "summary": summary(article),
            "body_html": article.body,
            "section": {
                "slug": category.slug,
                "name": getattr(category, build_localized_fieldname("name", language), "")
                or category.name_en,
            },
            "bylines": [
                {
                    "name": link.author.name,
                    "slug": link.author.slug,
                    "role": ROLES[link.role],
                    "url": f"{links.api}authors/{link.author.slug}/",
                    "photo": photo(link.author, links),
                }
                for link in article.credit_list
            ],
            "published_at": iso(article.published_at),
            "updated_at": iso(article.revised_at) or None,
            "breaking": article.breaking
            and (article.breaking_until is None or article.breaking_until > now),
            "featured": article.featured
            and (article.featured_until is None or article.featured_until > now),
            "lead_image": lead_image(article, links),
            "corrections": [
                {"kind": item.kind, "text": item.text, "created_at": iso(item.created_at)}
                for item in getattr(article, "api_corrections", ())
            ],
            "translations": [
                {
                    "edition": sibling.language,
                    "id": sibling.pk,
                    "url": f"{links.api}articles/{sibling.pk}/",
                    "canonical_url": links.page(sibling),
                }
                for sibling in getattr(article, "api_translations", ())
            ],
        }


def summary(article) -> str:
    if article.standfirst:
        return article.standfirst
    text = " ".join(html.unescape(strip_tags(article.body)).split())
    return Truncator(text).chars(SUMMARY_CHARS)


def photo(author, links):
    if not author.photo:
        return None
    return {
        "url": links.absolute(media_url(author.photo.storage, author.photo.name)),
        "alt": author.name,
        "srcset": [{**item, "url": links.absolute(item["url"])} for item in author.photo_widths],
    }


def lead_image(article, links):
    if not article.lead_image:
        return None
    renditions = article.lead_image_renditions
    storage = article.lead_image.storage
    crops = renditions.get("crops", {})
    return {
        "url": links.absolute(article.lead_image_url),
        "width": article.lead_image_width,
        "height": article.lead_image_height,
        "alt": article.lead_image_alt,
        "caption": article.lead_image_caption,
        "credit": article.lead_image_credit,
        "srcset": [
            {
                "url": links.absolute(media_url(storage, item["name"])),
                "width": item["width"],
                "height": item["height"],
            }
            for item in renditions.get("srcset", [])
        ],
        "crops": {
            ratio: {
                "url": links.absolute(media_url(storage, item["name"])),
                "width": item["width"],
                "height": item["height"],
            }
            for ratio, item in crops.items()
        },
    }


class SectionSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    names = serializers.DictField(child=serializers.CharField(), help_text="By edition.")
    descriptions = serializers.DictField(child=serializers.CharField(), help_text="By edition.")
    in_menu = serializers.BooleanField()
    articles = serializers.URLField(help_text="Its live articles.")

    def to_representation(self, category):
        links = self.context["links"]
        return {
            "slug": category.slug,
            "names": localized(category, "name"),
            "descriptions": localized(category, "description"),
            "in_menu": category.show_in_menu,
            "articles": f"{links.api}articles/?section={category.slug}",
        }


class AuthorSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    job_titles = serializers.DictField(child=serializers.CharField(), help_text="By edition.")
    bios = serializers.DictField(child=serializers.CharField(), help_text="By edition.")
    photo = PhotoSerializer(allow_null=True)
    social_handle = serializers.CharField()
    page_url = serializers.URLField(help_text="Their page on the site.")
    url = serializers.URLField(help_text="This author in the API.")
    articles = serializers.URLField(help_text="Their live articles.")

    def to_representation(self, author):
        links = self.context["links"]
        return {
            "slug": author.slug,
            "name": author.name,
            "job_titles": localized(author, "job_title"),
            "bios": localized(author, "bio"),
            "photo": photo(author, links),
            "social_handle": author.social_handle,
            "page_url": links.absolute(author.get_absolute_url()),
            "url": f"{links.api}authors/{author.slug}/",
            "articles": f"{links.api}articles/?author={author.slug}",
        }


class PageSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    titles = serializers.DictField(child=serializers.CharField(), help_text="By edition.")
    bodies = serializers.DictField(child=serializers.CharField(), help_text="Plain text.")
    updated_at = serializers.DateTimeField()
    url = serializers.URLField(help_text="This page in the API.")

    def to_representation(self, page):
        links = self.context["links"]
        return {
            "slug": page.slug,
            "titles": localized(page, "title"),
            "bodies": localized(page, "body"),
            "updated_at": iso(page.updated_at),
            "url": f"{links.api}pages/{page.slug}/",
        }


class EditionSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(help_text="In its own language.")
    front_page = serializers.URLField()
    breaking = serializers.URLField()
    articles = serializers.URLField()


class FrontPageSectionSerializer(serializers.Serializer):
    section = SectionRefSerializer()
    articles = ArticleSerializer(many=True)


class FrontPageSerializer(serializers.Serializer):
    edition = serializers.CharField()
    lead = ArticleSerializer(allow_null=True)
    latest = ArticleSerializer(many=True)
    sections = FrontPageSectionSerializer(many=True)


class BreakingSerializer(serializers.Serializer):
    edition = serializers.CharField()
    article = ArticleSerializer(allow_null=True, help_text="The newest story breaking now.")


class CoverageSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=["open", "closed"])
    started_at = serializers.DateTimeField(allow_null=True)
    ended_at = serializers.DateTimeField(allow_null=True, help_text="Null while open.")


def coverage(article) -> dict:
    return {
        "state": article.coverage,
        "started_at": iso(article.coverage_started_at) or None,
        "ended_at": iso(article.coverage_ended_at) or None,
    }


class LiveBlogSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField(help_text="This live blog in the API.")
    entries = serializers.URLField(help_text="Its updates, newest first.")
    article = serializers.URLField(help_text="The live blog as an article in the API.")
    canonical_url = serializers.URLField(help_text="Its page on the site.")
    edition = serializers.CharField(help_text="The edition's language code.")
    headline = serializers.CharField()
    published_at = serializers.DateTimeField()
    coverage = CoverageSerializer()

    def to_representation(self, article):
        links = self.context["links"]
        return {
            "id": article.pk,
            "url": f"{links.api}live-blogs/{article.pk}/",
            "entries": f"{links.api}live-blogs/{article.pk}/entries/",
            "article": f"{links.api}articles/{article.pk}/",
            "canonical_url": links.page(article),
            "edition": article.language,
            "headline": article.title,
            "published_at": iso(article.published_at),
            "coverage": coverage(article),
        }


class EntryBylineSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()
    url = serializers.URLField(help_text="The author in the API.")
    photo = PhotoSerializer(allow_null=True)


class LiveEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField(
        help_text="The update's own address on the site: it leads to the live blog's page "
        "that holds it, at its anchor."
    )
    anchor = serializers.CharField(help_text="The update's element id on the live blog's page.")
    title = serializers.CharField(help_text="A key event's title; may be empty otherwise.")
    body_html = serializers.CharField(help_text="Sanitised HTML.")
    key_event = serializers.BooleanField()
    pinned = serializers.BooleanField(help_text="Shown at the top of the live blog.")
    bylines = EntryBylineSerializer(many=True)
    posted_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField(allow_null=True, help_text="Last edited, if ever.")

    def to_representation(self, entry):
        links = self.context["links"]
        page = self.context["live_blog_page"]
        return {
            "id": entry.pk,
            "url": f"{page}updates/{entry.pk}/",
            "anchor": entry.anchor,
            "title": entry.title,
            "body_html": entry.body,
            "key_event": entry.key_event,
            "pinned": entry.pinned,
            "bylines": [
                {
                    "name": author.name,
                    "slug": author.slug,
                    "url": f"{links.api}authors/{author.slug}/",
                    "photo": photo(author, links),
                }
                for author in entry.authors.all()
            ],
            "posted_at": iso(entry.posted_at),
            "updated_at": iso(entry.edited_at) or None,
        }


class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField()
    code = serializers.CharField()
    message = serializers.CharField()
    parameters = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Each refused parameter with its reasons.",
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()
