"""Sinhala and Tamil pages on a 390 px phone: set in our own Noto Sans Sinhala and Tamil (loaded,
not a system fallback), with only the edition's font preloaded, and no long word pushing the
page wider than the screen.

The edition's language comes from the address through middleware; here the site's default
language is switched instead, which reaches the live server's threads."""

import pytest

from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Tamil joins words into long ones; Sinhala compounds can be long too. Each is wider than a
# phone at headline size.
STORIES = {
    "ta": {
        "family": "Noto Sans Tamil",
        "sample": "தமிழ்",
        "title": "வரவுசெலவுத்திட்டத்திற்கெதிரான வாக்கெடுப்பு "
        "நாடாளுமன்றத்திற்குள்ளேயேயிருந்துகொண்டிருந்தவர்களுக்கானதொரு அறிவிப்பு",
        "body": "<p>உள்ளூராட்சிமன்றத்தேர்தல்களுக்கானவேட்புமனுத்தாக்கல்செய்யும்காலப்பகுதி இன்று நிறைவடைந்தது.</p>",
        "latest": "அண்மைய செய்திகள்",
    },
    "si": {
        "family": "Noto Sans Sinhala",
        "sample": "සිංහල",
        "title": "පාර්ලිමේන්තුවේදීඅනුමතකරගැනීමටනියමිතඅයවැයයෝජනාව පිළිබඳ විවාදය අද",
        "body": "<p>ශ්‍රී ලංකා මහබැංකුවේමුදල්ප්‍රතිපත්තිකමිටුවේතීරණය අද නිවේදනය කෙරිණි.</p>",
        "latest": "නවතම පුවත්",
    },
}


@pytest.mark.parametrize("language", ["ta", "si"])
def test_an_article_is_set_in_its_script_font_and_fits_a_phone(
    live_server, page, settings, language, tmp_path
):
    story = STORIES[language]
    settings.LANGUAGE_CODE = language
    category = CategoryFactory(name=story["sample"], slug="politics")
    author = AuthorFactory(name=story["sample"])
    article = ArticleFactory(
        live=True,
        language=language,
        title=story["title"],
        standfirst=story["title"],
        body=story["body"],
        category=category,
        authors=[author],
    )
    ArticleFactory.create_batch(3, live=True, language=language, title=story["title"])

    for path in (article.get_absolute_url(), "/"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        page.evaluate("document.fonts.ready")
        name = "article" if path != "/" else "front"
        page.screenshot(path=tmp_path / f"{language}-{name}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        assert page.locator("h1, h2").filter(has_text=story["latest"]).count() >= 1

    loaded = page.evaluate(
        """(family) => [...document.fonts]
            .filter((face) => face.family.replaceAll('"', '') === family)
            .filter((face) => face.status === "loaded").map((face) => face.weight)""",
        story["family"],
    )
    assert "400" in loaded and "700" in loaded  # text and headlines
    assert page.evaluate(
        '([family, text]) => document.fonts.check(`16px "${family}"`, text)',
        [story["family"], story["sample"]],
    )
    heading_font = page.evaluate("getComputedStyle(document.querySelector('h2')).fontFamily")
    assert heading_font.startswith(f'"{story["family"]}"')
    preloads = page.eval_on_selector_all(
        "link[rel=preload][as=font]", "(links) => links.map((link) => link.href)"
    )
    assert len(preloads) == 1
    assert f"noto-sans-{'tamil' if language == 'ta' else 'sinhala'}-400" in preloads[0]


def test_english_pages_preload_no_font(live_server, page):
    ArticleFactory(live=True)
    page.goto(live_server.url + "/")
    assert page.locator("link[rel=preload][as=font]").count() == 0
