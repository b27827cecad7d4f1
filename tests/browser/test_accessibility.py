"""Every reader page passes axe-core's checks (WCAG A and AA, and best practices such as unique
landmarks) in a real browser.

axe-core 4.14.1 is vendored for the tests only, never served (tests/browser/vendor/axe.min.js,
MPL-2.0, its licence header kept). To update: `npm pack axe-core@<version>` and copy
`package/axe.min.js` from the tarball.
"""

from pathlib import Path

import pytest

from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
# `live_server` before `page` in every test here: the session's live server must be set up
# before the browser, so it is stopped after it, once no browser connection is left open.

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()


def _axe_violations(page):
    # Evaluated through the DevTools protocol, which the page's CSP does not govern.
    page.evaluate(AXE)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']}: {[node['target'] for node in violation['nodes']]}"
        for violation in results["violations"]
    ]


def test_reader_pages_have_no_axe_violations(live_server, page):
    politics = CategoryFactory(name="Politics", slug="politics")
    asma = AuthorFactory(name="Asma Hussain", slug="asma-hussain", bio="Covers parliament.")
    article = ArticleFactory(
        live=True, with_image=True, title="Budget passes", category=politics, authors=[asma]
    )
    ArticleFactory(live=True, title="Budget debate", category=politics, authors=[asma])

    found = {}
    for path in [
        "/",
        article.get_absolute_url(),
        "/category/politics/",
        "/author/asma-hussain/",
        "/search/?q=budget",
        "/advertise/",
        "/latest/",
    ]:
        page.goto(live_server.url + path)
        found[path] = _axe_violations(page)
    assert {path: problems for path, problems in found.items() if problems} == {}
