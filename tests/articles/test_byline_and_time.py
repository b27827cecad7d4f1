import datetime
import re
import struct

import pytest

from articles.models import ArticleAuthor
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def test_article_page_shows_the_time_in_a_machine_readable_element(client):
    article = ArticleFactory(
        live=True, published_at=datetime.datetime(2022, 1, 10, 10, 36, tzinfo=UTC)
    )
    response = client.get(article.get_absolute_url())
    assert (
        '<time datetime="2022-01-10T16:06:00+05:30">10 Jan, 2022 | 4:06 pm</time>' in response.text
    )


@pytest.mark.parametrize(
    ("names", "byline"),
    [
        (["Asma Hussain"], "Written by Asma Hussain"),
        (["Asma Hussain", "Ravi Perera"], "Written by Asma Hussain and Ravi Perera"),
        (
            ["Asma Hussain", "Ravi Perera", "Nimal Silva"],
            "Written by Asma Hussain, Ravi Perera and Nimal Silva",
        ),
    ],
)
def test_byline_joins_authors_in_their_order(client, names, byline):
    people = [AuthorFactory(name=name) for name in names]
    article = ArticleFactory(live=True, authors=people)
    text = _byline_text(client.get(article.get_absolute_url()).text)
    assert text == byline


def test_other_credits_follow_the_writers_and_link_to_author_pages(client):
    writer = AuthorFactory(name="Asma Hussain", slug="asma-hussain")
    helper = AuthorFactory(name="Kumar Rajan", slug="kumar-rajan")
    article = ArticleFactory(live=True, authors=[writer, (helper, ArticleAuthor.Role.REPORTING)])
    html = client.get(article.get_absolute_url()).text
    assert _byline_text(html) == "Written by Asma Hussain Additional reporting by Kumar Rajan"
    assert '<a href="/author/asma-hussain/">Asma Hussain</a>' in html
    assert '<a href="/author/kumar-rajan/">Kumar Rajan</a>' in html


def _byline_text(html):
    paragraph = re.search(r'<p class="byline">(.*?)</p>', html, re.S).group(1)
    text = re.sub(r"<[^>]+>", "", paragraph.replace("</span>", " "))
    return " ".join(text.split())


def test_byline_joins_authors_with_the_words_of_the_sites_language(client, settings, tmp_path):
    _write_catalog(
        tmp_path / "si" / "LC_MESSAGES" / "django.mo",
        {
            "list of two or the last two names\x04%(first)s and %(last)s": "%(first)s සහ %(last)s",
            "list of names, all but the last two\x04%(first)s, %(rest)s": "%(first)s; %(rest)s",
        },
    )
    settings.LOCALE_PATHS = [tmp_path]
    settings.LANGUAGE_CODE = "si"
    people = [AuthorFactory(name=name) for name in ("Asma Hussain", "Ravi Perera", "Nimal Silva")]
    article = ArticleFactory(live=True, authors=people, language="si")
    text = _byline_text(client.get(article.get_absolute_url()).text)
    assert text.endswith("Asma Hussain; Ravi Perera සහ Nimal Silva")


def _write_catalog(path, messages):
    """A compiled gettext catalog (.mo) holding `messages`, as `msgfmt` would write it."""
    entries = sorted({"": "Content-Type: text/plain; charset=UTF-8\n", **messages}.items())
    ids = [key.encode() for key, _ in entries]
    strs = [value.encode() for _, value in entries]
    count = len(entries)
    data_start = 28 + 16 * count
    table, data = [], b""
    for string in ids + strs:
        table.append((len(string), data_start + len(data)))
        data += string + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, 28, 28 + 8 * count, 0, 0)
    path.parent.mkdir(parents=True)
    path.write_bytes(header + b"".join(struct.pack("<2I", *entry) for entry in table) + data)
