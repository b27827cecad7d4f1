"""Every page says its language, and links the same story in the other editions while those
translations are live."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _alternates(text):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', text))


def _json_ld(text, kind):
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S):
        data = json.loads(block)
        if data.get("@type") == kind:
            return data
    raise AssertionError(kind)


@pytest.fixture
def story():
    english = ArticleFactory(live=True, slug="harbour")
    sinhala = ArticleFactory(
        live=True, language="si", slug="වරාය", translation_group=english.translation_group
    )
    return english, sinhala


def test_a_translated_story_links_its_live_translations_and_the_default_as_x_default(client, story):
    english, sinhala = story

    links = _alternates(client.get(sinhala.get_absolute_url()).text)

    assert links == {
        "en": f"http://testserver{english.get_absolute_url()}",
        "si": "http://testserver/si/"
        + sinhala.get_absolute_url()[4:].replace("වරාය", "%E0%B7%80%E0%B6%BB%E0%B7%8F%E0%B6%BA"),
        "x-default": f"http://testserver{english.get_absolute_url()}",
    }


@pytest.mark.parametrize(
    "hide",
    [
        lambda a: a.delete(),
        lambda a: (a.unpublish(), a.save()),
        lambda a: (
            setattr(a, "published_at", timezone.now() + datetime.timedelta(days=1)),
            a.save(),
        ),
    ],
    ids=["deleted", "unpublished", "scheduled"],
)
def test_a_translation_readers_cannot_see_leaves_the_alternates(client, hide):
    english = ArticleFactory(live=True)
    tamil = ArticleFactory(live=True, language="ta", translation_group=english.translation_group)
    hide(tamil)

    assert _alternates(client.get(english.get_absolute_url()).text) == {}


def test_an_untranslated_story_has_no_alternates(client):
    assert _alternates(client.get(ArticleFactory(live=True).get_absolute_url()).text) == {}


def test_edition_fronts_link_each_other(client):
    links = _alternates(client.get("/ta/").text)

    assert links == {
        "en": "http://testserver/",
        "si": "http://testserver/si/",
        "ta": "http://testserver/ta/",
        "x-default": "http://testserver/",
    }


@pytest.mark.parametrize(
    ("prefix", "locale", "others"),
    [("/", "en_LK", {"si_LK", "ta_LK"}), ("/si/", "si_LK", {"en_LK", "ta_LK"})],
)
def test_pages_carry_their_og_locale_and_the_others_as_alternates(client, prefix, locale, others):
    text = client.get(prefix + "latest/").text

    assert f'<meta property="og:locale" content="{locale}">' in text
    assert set(re.findall(r'og:locale:alternate" content="([^"]+)"', text)) == others


def test_json_ld_says_the_language(client, story):
    _, sinhala = story

    assert (
        _json_ld(client.get(sinhala.get_absolute_url()).text, "NewsArticle")["inLanguage"] == "si"
    )
    assert _json_ld(client.get("/ta/").text, "WebSite")["inLanguage"] == "ta"


def test_news_sitemap_gives_each_entry_its_language_and_publication(client, settings, story):
    settings.EDITIONS = {
        **settings.EDITIONS,
        "si": {**settings.EDITIONS["si"], "publication_name": "නිවුස්රූම්"},
    }

    text = client.get("/news-sitemap.xml").text

    assert "<news:language>si</news:language>" in text
    assert "<news:name>නිවුස්රූම්</news:name>" in text
    assert "<news:language>en</news:language>" in text
    assert "%E0%B7%80%E0%B6%BB%E0%B7%8F%E0%B6%BA" in text  # the Sinhala slug, percent-encoded


def test_an_article_page_asks_for_its_translations_in_one_query(
    client, story, django_assert_num_queries, settings
):
    settings.PAGE_CACHE = False
    english, _ = story
    for _ in range(3):
        ArticleFactory(live=True)
    client.get(english.get_absolute_url())

    with django_assert_num_queries(3):  # the article, its bylines, its translations
        client.get(english.get_absolute_url())
