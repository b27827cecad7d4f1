"""Checks several test modules share (fixtures live in conftest.py; plain helpers here)."""

import html5lib


def assert_valid_page(html):
    """Valid HTML5 with a language, one <h1>, a <main>, a skip link and alt on every image."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(html)
    assert document.get("lang")
    assert len(document.findall(".//h1")) == 1
    assert document.find(".//main") is not None
    assert document.find(".//a[@href='#content']") is not None
    for image in document.findall(".//img"):
        assert image.get("alt") is not None
