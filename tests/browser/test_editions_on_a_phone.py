"""The Sinhala and Tamil editions on a 390 px phone: each page says its language and nothing
is wider than the screen (fonts are the stylesheet's business; this checks layout)."""

import os
from pathlib import Path

import pytest

from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADLINES = {
    "si": "ශ්\u200dරී ලංකා ක්\u200dරිකට් කණ්ඩායම ජයග්\u200dරහණයෙන් පසු කොළඹට පැමිණෙයි",
    "ta": "இலங்கை கிரிக்கெட் அணி வெற்றிக்குப் பின்னர் கொழும்பு திரும்பியது; ரசிகர்கள் பெருந்திரளாக வரவேற்பு",
}


@pytest.fixture
def stories(live_server):
    category, author = CategoryFactory(name="Sport", slug="sport"), AuthorFactory()
    english = ArticleFactory(live=True, with_image=True, category=category, authors=[author])
    return {
        code: ArticleFactory(
            live=True,
            with_image=True,
            language=code,
            title=title,
            slug=f"story-{code}",
            standfirst=title,
            category=category,
            authors=[author],
            translation_group=english.translation_group,
        )
        for code, title in HEADLINES.items()
    }


@pytest.mark.parametrize("code", ["si", "ta"])
def test_an_editions_front_and_article_fit_a_phone_and_say_their_language(
    live_server, page, stories, code, tmp_path
):
    shots = Path(os.environ.get("SCREENSHOTS", tmp_path))
    for name, path in (("front", f"/{code}/"), ("article", stories[code].get_absolute_url())):
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        page.screenshot(path=shots / f"{code}-{name}.png", full_page=True)
        assert page.evaluate("document.documentElement.lang") == code
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
        assert HEADLINES[code] in page.inner_text("main")
        hreflangs = page.eval_on_selector_all(
            "link[rel=alternate][hreflang]", "links => links.map(l => l.hreflang)"
        )
        assert code in hreflangs and "en" in hreflangs
