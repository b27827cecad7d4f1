"""Reader pages in the Sinhala and Tamil editions show their words, bylines and times in that
language, which the edition's address chooses."""

import datetime

import pytest

from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
PUBLISHED = datetime.datetime(2022, 1, 10, 10, 36, tzinfo=UTC)  # 4:06 pm in Colombo

EXPECTED = {
    "si": {
        "latest": "නවතම පුවත්",
        "byline": "ලියුවේ",
        "and": " සහ ",
        "time": "10 දුරුතු, 2022 | ප.ව. 4:06",
        "advertise": "අපගේ වෙබ් අඩවියේ හෝ වීඩියෝ නාලිකාවේ දැන්වීම් පළ කිරීමට ඔබ කැමතිද?",
        "search": "පුවත් සොයන්න",
        "page": "පිටු 2 න් 1 වැනි පිටුව",
        "older": "පැරණි පුවත්",
        "not_found": "පිටුව හමු නොවීය",
    },
    "ta": {
        "latest": "அண்மைய செய்திகள்",
        "byline": "எழுதியவர்",
        "and": " மற்றும் ",
        "time": "10 ஜன., 2022 | மாலை 4:06",
        "advertise": "எமது இணையத்தளத்திலோ காணொளி அலைவரிசையிலோ விளம்பரம் செய்ய ஆர்வமா?",
        "search": "செய்திகளில் தேடு",
        "page": "பக்கம் 1 / 2",
        "older": "பழையவை",
        "not_found": "பக்கம் கிடைக்கவில்லை",
    },
}


@pytest.mark.parametrize("language", ["si", "ta"])
def test_article_page_is_written_in_the_edition_language(client, language):
    expected = EXPECTED[language]
    authors = [AuthorFactory(name="Asma Hussain"), AuthorFactory(name="Ravi Perera")]
    article = ArticleFactory(live=True, published_at=PUBLISHED, authors=authors, language=language)

    page = client.get(article.get_absolute_url()).text

    assert f"{expected['byline']} " in page
    assert f"Asma Hussain</a>{expected['and']}<a" in page
    assert f'<time datetime="2022-01-10T16:06:00+05:30">{expected["time"]}</time>' in page
    assert f'<h2 id="latest-title">{expected["latest"]}</h2>' in page
    assert expected["advertise"] in page
    assert expected["search"] in page
    for english in ("Written by", "Latest News", "Are you interested", "Search the news"):
        assert english not in page


@pytest.mark.parametrize("language", ["si", "ta"])
def test_list_pages_and_errors_are_written_in_the_edition_language(client, settings, language):
    settings.PAGE_SIZE = 2
    expected = EXPECTED[language]
    ArticleFactory.create_batch(3, live=True, language=language)

    latest = client.get(f"/{language}/latest/").text
    missing = client.get(f"/{language}/no-such-page/")

    assert f"<h1>{expected['latest']}</h1>" in latest
    assert expected["page"] in latest
    assert f'rel="next" href="?page=2">{expected["older"]}</a>' in latest
    assert missing.status_code == 404
    assert expected["not_found"] in missing.text
