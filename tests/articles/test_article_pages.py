import datetime

import pytest
from django.utils import timezone

from articles.models import ArticleRedirect
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def _hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def test_article_page_shows_headline_body_and_advertising_contact(client, settings):
    settings.ADVERTISING_EMAIL = "ads@newsroom.example"
    article = ArticleFactory(
        live=True, title="Colombo port expands", body="<p>Cranes arrived today.</p>"
    )
    html = client.get(article.get_absolute_url()).text
    assert html.count("<h1") == 1
    assert "<h1>Colombo port expands</h1>" in html
    assert "<p>Cranes arrived today.</p>" in html
    assert (
        "Are you interested in advertising on our website or video channel? Please contact us at "
        '<a href="mailto:ads@newsroom.example">ads@newsroom.example</a>'
    ) in html


def test_latest_news_on_an_article_is_newest_first_without_the_article_itself(client):
    older = ArticleFactory(live=True, title="Older story", published_at=_hours_ago(5))
    current = ArticleFactory(live=True, title="Current story", published_at=_hours_ago(3))
    newest = ArticleFactory(live=True, title="Newest story", published_at=_hours_ago(1))

    response = client.get(current.get_absolute_url())
    assert [a.title for a in response.context["latest_news"]] == [newest.title, older.title]


def test_home_shows_featured_lead_latest_news_and_menu_sections(client):
    sport = CategoryFactory(name="Sport", slug="sport")
    lead = ArticleFactory(live=True, title="Lead story", featured=True, published_at=_hours_ago(4))
    recent = ArticleFactory(
        live=True, title="Recent story", category=sport, published_at=_hours_ago(1)
    )

    response = client.get("/")
    assert response.context["lead"].pk == lead.pk
    assert [card.pk for card in response.context["latest_news"]] == [recent.pk]
    assert ("Sport", ["Recent story"]) in [
        (c.name, [a.title for a in articles]) for c, articles in response.context["sections"]
    ]
    assert "Latest News" in response.text


def test_expired_featuring_steps_the_lead_story_down(client):
    ArticleFactory(
        live=True,
        title="Yesterday's lead",
        featured=True,
        featured_until=_hours_ago(1),
        published_at=_hours_ago(2),
    )
    newest = ArticleFactory(live=True, title="Newest", published_at=_hours_ago(1))
    assert client.get("/").context["lead"].pk == newest.pk


def test_category_and_author_pages_list_their_live_articles(client):
    article = ArticleFactory(live=True, title="Budget passes")
    other = ArticleFactory(live=True, title="Cricket win")
    author = article.authors.get()

    category_page = client.get(article.category.get_absolute_url())
    assert "Budget passes" in category_page.text and "Cricket win" not in category_page.text
    author_page = client.get(author.get_absolute_url())
    assert author.name in author_page.text
    assert "Budget passes" in author_page.text and "Cricket win" not in author_page.text
    assert other.title in client.get("/latest/").text


def test_wrong_date_in_address_redirects_permanently(client):
    article = ArticleFactory(live=True)
    response = client.get(f"/1999/01/01/{article.slug}/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_old_address_redirects_permanently(client):
    article = ArticleFactory(live=True)
    ArticleRedirect.objects.create(old_path="/2020/05/05/old-slug/", article=article)
    response = client.get("/2020/05/05/old-slug/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


@pytest.mark.parametrize(
    "url", ["/2022/13/40/anything/", "/nowhere/at/all/", "/category/none/", "/author/nobody/"]
)
def test_unknown_addresses_get_the_styled_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert "Go to the front page" in response.text


def test_an_address_with_an_absurd_year_is_a_404_not_a_crash(client):
    assert client.get("/99999999999999999999/01/01/x/").status_code == 404


def test_an_author_credited_twice_on_one_article_lists_it_once(client):
    author = AuthorFactory()
    article = ArticleFactory(live=True, title="Double credit", authors=[author, (author, "photos")])

    page = client.get(author.get_absolute_url()).content.decode()
    feed = client.get(f"{author.get_absolute_url()}rss/").content.decode()

    assert page.count(article.get_absolute_url()) == 1
    assert feed.count("<title>Double credit</title>") == 1
