"""Article bodies: whatever path stores them, readers get only the allowed, inert markup."""

import html5lib
import pytest

from articles.models import Article
from articles.richtext import RichTextWidget, is_allowed_embed, sanitize_html
from tests.articles.admin_forms import admin_form_data
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db

YOUTUBE = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<img src="x" onerror="alert(1)">',
    '<p onclick="alert(1)" onmouseover="alert(2)">click</p>',
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">link</a>',
    '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">entities</a>',
    '<a href="&#x6A;avascript&#x3A;alert(1)">hex entities</a>',
    '<a href="java\tscript:alert(1)">tab</a>',
    '<a href=" javascript:alert(1)">leading space</a>',
    '<a href="vbscript:msgbox(1)">vbscript</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<svg onload="alert(1)"><circle r="10"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<div style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</div>',
    '<iframe src="https://evil.example/embed/1"></iframe>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe src="http://www.youtube.com/embed/abc"></iframe>',
    '<iframe src="https://www.youtube.com@evil.example/embed/abc"></iframe>',
    '<iframe src="https://www.youtube.com/embed/../../redirect?q=https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="https://www.youtube.com/embed/x" onload="alert(1)" style="x"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x.swf">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="https://evil.example/">',
    '<form action="https://evil.example"><button formaction="javascript:alert(1)">go</button>',
    '<p title="</p><script>alert(1)</script>">nested quotes</p>',
    "<p title='\"><script>alert(1)</script>'>single quotes</p>",
    "<p>unclosed <b>bold <i>italic <a href='javascript:alert(1)'>link",
    "<<script>alert(1)//<</script>",
    "<!--<script>alert(1)</script>-->",
    '<img src=x:alert(alt) onerror=eval(src) alt="0">',
    "<details open ontoggle=alert(1)>",
    "{{ request.user }} {% debug %} ${alert(1)}",
    '<input autofocus onfocus="alert(1)">',
    '<video><source onerror="alert(1)"></video>',
    '<a href="https://example.com" target="_blank" rel="opener">opener</a>',
]
assert len(XSS_PAYLOADS) >= 30

SCHEME_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "background"}
# Anywhere on the page. Forms and inputs are checked inside the body only (BODY_TAGS): the
# site's own header has a search form.
FORBIDDEN_ELEMENTS = {"script", "style", "object", "embed", "svg", "math", "base"}
BODY_TAGS = {
    "h2", "h3", "h4", "p", "br", "strong", "b", "em", "i", "a",
    "ul", "ol", "li", "blockquote", "figure", "figcaption", "iframe",
}  # fmt: skip


def assert_page_is_inert(html):
    """Walk every element of the page: nothing on it can run script or load a foreign frame."""
    document = html5lib.parse(html, namespaceHTMLElements=False)
    # The page's own structured data: inert JSON in the <head>, where no body text can reach.
    own_data = {
        id(script)
        for script in document.find("head").iter("script")
        if script.get("type") == "application/ld+json"
    }
    for element in document.iter():
        if id(element) in own_data:
            continue
        tag = element.tag if isinstance(element.tag, str) else ""
        assert tag.split("}")[-1] not in FORBIDDEN_ELEMENTS, html
        if tag == "meta":
            assert "http-equiv" not in element.attrib
        for name, value in element.attrib.items():
            name = name.split("}")[-1]
            assert not name.lower().startswith("on"), (tag, name)
            assert name not in ("style", "srcdoc"), (tag, name)
            if name in SCHEME_ATTRIBUTES:
                squeezed = "".join(value.split()).lower()
                assert not squeezed.startswith(("javascript:", "data:", "vbscript:")), value
        if tag == "iframe":
            assert is_allowed_embed(element.get("src", "")), element.attrib
    body = document.find(".//div[@class='body']")
    assert {element.tag for element in body.iter()} - {"div"} <= BODY_TAGS
    for link in body.iter("a"):
        assert link.get("rel") == "noopener noreferrer"
        assert link.get("href"), "a link without an address is invalid HTML"


def _superuser_client(client):
    client.force_login(UserFactory(is_superuser=True))
    return client


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_hostile_body_saved_in_the_admin_change_form_is_inert_on_the_page(client, payload):
    article = ArticleFactory(live=True)
    url = f"/admin/articles/article/{article.pk}/change/"
    admin = _superuser_client(client)
    data = admin_form_data(admin.get(url)) | {"body": f"<p>Before</p>{payload}<p>After</p>"}

    response = admin.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.body == sanitize_html(article.body)
    assert "After" in article.body
    client.logout()
    assert_page_is_inert(client.get(article.get_absolute_url()).text)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_hostile_body_saved_in_the_admin_add_form_is_stored_clean(client, payload):
    admin = _superuser_client(client)
    category, author = CategoryFactory(), AuthorFactory()
    data = admin_form_data(admin.get("/admin/articles/article/add/")) | {
        "title": "Hostile body",
        "slug": "hostile-body",
        "category": str(category.pk),
        "body": payload,
        "article_authors-0-author": str(author.pk),
        "article_authors-0-position": "0",
    }

    response = admin.post("/admin/articles/article/add/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="hostile-body")
    assert article.body == sanitize_html(payload)
    article.publish()
    article.save()
    client.logout()
    assert_page_is_inert(client.get(article.get_absolute_url()).text)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_hostile_body_written_through_the_orm_is_stored_clean(client, payload):
    created = ArticleFactory(live=True, body=payload)
    saved = ArticleFactory(live=True)
    saved.body = payload
    saved.save()
    updated = ArticleFactory(live=True)
    Article.objects.filter(pk=updated.pk).update(body=payload)
    [bulk] = Article.objects.bulk_create(
        [ArticleFactory.build(body=payload, live=True, category=saved.category)]
    )

    for article in (created, saved, updated, bulk):
        article.refresh_from_db()
        assert article.body == sanitize_html(payload)
    assert saved.body == sanitize_html(payload)  # the saved instance is cleaned as well
    for article in (created, saved, updated):
        assert_page_is_inert(client.get(article.get_absolute_url()).text)


def test_allowed_markup_and_a_youtube_embed_survive_unchanged(client):
    body = (
        "<h2>What happened</h2><h3>In Colombo</h3><h4>Timeline</h4>"
        "<p><strong>Bold</strong>, <em>italic</em>, <b>b</b>, <i>i</i> and a "
        '<a href="https://example.com/report" title="The report" rel="noopener noreferrer">'
        'link</a> or <a href="mailto:desk@example.com" rel="noopener noreferrer">mail</a>.<br>'
        "Next line.</p><ul><li>One</li><li>Two</li></ul><ol><li>First</li></ol>"
        "<blockquote><p>Quoted.</p></blockquote>"
        f'<figure><iframe src="{YOUTUBE}" width="560" height="315" title="Clip" '
        'allow="autoplay; encrypted-media" allowfullscreen="" loading="lazy"></iframe>'
        "<figcaption>The clip</figcaption></figure>"
    )
    article = ArticleFactory(live=True, body=body)
    article.refresh_from_db()
    assert article.body == body

    html = client.get(article.get_absolute_url()).text
    assert body in html
    assert_page_is_inert(html)


def test_links_get_noopener_noreferrer_and_lose_target(client):
    article = ArticleFactory(body='<p><a href="https://example.com" target="_blank">x</a></p>')
    assert article.body == '<p><a href="https://example.com" rel="noopener noreferrer">x</a></p>'


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "", None]
)
def test_a_link_to_a_refused_address_keeps_its_text_without_the_link(href):
    attribute = "" if href is None else f' href="{href}"'
    body = f'<p>See <a{attribute} title="t"><strong>this</strong> story</a> and <a href="https://example.com">that</a>.</p>'
    assert sanitize_html(body) == (
        "<p>See <strong>this</strong> story and "
        '<a href="https://example.com" rel="noopener noreferrer">that</a>.</p>'
    )


@pytest.mark.parametrize(
    "src",
    [
        "https://www.youtube.com/embed/abc",
        "https://www.youtube-nocookie.com/embed/abc?start=30",
        "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fx",
        "https://player.station.example/embed/42",
    ],
)
def test_embeds_from_allowed_players_are_kept(settings, src):
    settings.VIDEO_EMBED_HOSTS = ["player.station.example"]
    kept = f'<iframe src="{src}"></iframe>'
    assert sanitize_html(kept) == kept.replace("&", "&amp;")


@pytest.mark.parametrize(
    "src",
    [
        "https://player.station.example/embed/42",  # not configured
        "https://www.youtube.com/watch?v=abc",  # a page, not the player
        "https://youtube.com/embed/abc",
        "https://www.youtube.com.evil.example/embed/abc",
        "https://www.youtube.com:8443/embed/abc",
        "https://www.youtube.com/embed/%2e%2e/%2e%2e/redirect",
        "//www.youtube.com/embed/abc",
    ],
)
def test_embeds_from_anywhere_else_are_removed_whole(src):
    assert sanitize_html(f'<p>a</p><iframe src="{src}">fallback</iframe><p>b</p>') == (
        "<p>a</p><p>b</p>"
    )


def test_station_player_prefix_limits_the_path(settings):
    settings.VIDEO_EMBED_HOSTS = ["player.station.example/embed/"]
    assert is_allowed_embed("https://player.station.example/embed/42")
    assert not is_allowed_embed("https://player.station.example/upload/42")


def test_an_empty_editor_document_stores_an_empty_body():
    assert ArticleFactory(body="<p></p>").body == ""


def test_admin_edits_the_body_in_the_prose_editor_with_the_video_button(client):
    article = ArticleFactory()
    response = _superuser_client(client).get(f"/admin/articles/article/{article.pk}/change/")
    widget = response.context["adminform"].form.fields["body"].widget
    assert isinstance(widget, RichTextWidget)
    assert "data-django-prose-editor-configurable" in response.text
    assert "articles/video-embed" in response.text
    config = widget.get_config()
    assert config["extensions"]["VideoEmbed"] is True
    assert config["extensions"]["Heading"] == {"levels": [2, 3, 4]}
