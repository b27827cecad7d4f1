"""Titles, standfirsts, captions and names are plain text wherever they go: a `<` typed in one
is shown as a `<` in feeds, structured data and meta tags, and is never parsed as markup."""

import json
import xml.etree.ElementTree as ET

import html5lib
import pytest

from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db

HOSTILE = '<img src=x onerror=alert(1)> & "q" </script><script>alert(2)</script>'
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def article():
    return ArticleFactory(
        live=True,
        title=f"Title {HOSTILE}",
        standfirst=f"Standfirst {HOSTILE}",
        category=CategoryFactory(name=f"Section {HOSTILE}"),
        authors=[AuthorFactory(name=f"Author {HOSTILE}")],
    )


def _html_text(markup):
    """What a feed reader shows for an HTML field: its text, and which elements it built."""
    fragment = html5lib.parseFragment(markup, namespaceHTMLElements=False)
    return "".join(fragment.itertext()), [element.tag for element in fragment.iter()][1:]


def test_rss_carries_the_standfirst_as_text_in_its_html_description(client, article):
    channel = ET.fromstring(client.get("/feeds/rss/").content).find("channel")
    item = channel.find("item")
    assert _html_text(item.findtext("description")) == (article.standfirst, [])
    assert item.findtext("title") == article.title  # RSS titles are plain text
    assert item.findtext("category") == article.category.name


def test_atom_carries_the_standfirst_as_text_in_its_html_summary(client, article):
    entry = ET.fromstring(client.get("/feeds/atom/").content).find(f"{ATOM}entry")
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert _html_text(summary.text) == (article.standfirst, [])
    title = entry.find(f"{ATOM}title")
    assert title.get("type", "text") == "text"
    assert title.text == article.title
    assert entry.find(f"{ATOM}author/{ATOM}name").text == f"Author {HOSTILE}"


def test_structured_data_and_meta_tags_carry_the_fields_as_text(client, article):
    html = client.get(article.get_absolute_url()).text
    document = html5lib.parse(html, namespaceHTMLElements=False)
    head = document.find("head")
    # Parsing built no element from the fields: the only scripts are the two JSON-LD blocks.
    scripts = list(document.iter("script"))
    assert [script.get("type") for script in scripts] == ["application/ld+json"] * 2
    assert not list(document.iter("img"))
    news = json.loads(scripts[0].text)
    assert news["headline"] == article.title
    assert news["description"] == article.standfirst
    assert news["articleSection"] == article.category.name
    assert news["author"][0]["name"] == f"Author {HOSTILE}"
    meta = {
        element.get("property") or element.get("name"): element.get("content")
        for element in head.iter("meta")
    }
    assert meta["og:title"] == meta["twitter:title"] == article.title
    assert meta["description"] == meta["og:description"] == article.standfirst
    assert document.find("head/title").text.startswith(article.title)


def test_the_lead_image_caption_credit_and_alt_text_are_text(client):
    article = ArticleFactory(
        live=True,
        with_image=True,
        lead_image_caption=f"Caption {HOSTILE}",
        lead_image_credit=f"Credit {HOSTILE}",
        lead_image_alt=f"Alt {HOSTILE}",
    )
    html = client.get(article.get_absolute_url()).text
    document = html5lib.parse(html, namespaceHTMLElements=False)
    caption = document.find(".//figcaption")
    assert "".join(caption.itertext()) == f"Caption {HOSTILE} Photo: Credit {HOSTILE}"
    assert [image.get("alt") for image in document.iter("img")] == [f"Alt {HOSTILE}"]
    meta = {element.get("property"): element.get("content") for element in document.iter("meta")}
    assert meta["og:image:alt"] == f"Alt {HOSTILE}"
