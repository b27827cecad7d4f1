"""Full-text search over live articles: the query side.

PostgreSQL: the stored, weighted `search_vector` (GIN-indexed, kept current by the database,
migration 0007) matched with `websearch_to_tsquery`, ranked, with `ts_headline` snippets.
SQLite: case-insensitive matching of every word, newest first.
"""

import html
import re
import unicodedata

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Exists, F, Func, OuterRef, Q, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from .models import Article, ArticleAuthor

MAX_QUERY_LENGTH = 200
MAX_RANKED = 500
MAX_FALLBACK_TERMS = 8
SNIPPET_CHARS = 220
# Private-use characters mark highlights in raw text; the text is escaped before they become <mark>.
START, STOP = "\ue000", "\ue001"
SINHALA_OR_TAMIL = re.compile(r"[\u0b80-\u0bff\u0d80-\u0dff]")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ue000\ue001]")


class StripTags(Func):
    """HTML to text in SQL: tags become spaces (entities stay; snippets decode them)."""

    template = "regexp_replace(%(expressions)s, '<[^>]*>', ' ', 'g')"
    output_field = TextField()


def clean_query(query: str) -> str:
    """What we search for: control characters dropped, whitespace collapsed, length capped."""
    query = CONTROL_CHARACTERS.sub(" ", query or "")
    return " ".join(query.split())[:MAX_QUERY_LENGTH].strip()


def _row_config():
    """Each row's text-search configuration, by the rule the stored vectors are built with."""
    return Func(F("language"), function="articles_search_config", output_field=TextField())


def search_articles(query: str, *, category=None, edition=None):
    """Live articles matching `query` (in one edition, a language code, if given): best first
    on PostgreSQL, newest first on SQLite.

    Any text is accepted: an empty or meaningless query matches nothing rather than failing.
    Pass the page's results through `highlight()` before showing them.
    """
    query = clean_query(query)
    articles = Article.objects.live().for_listing()
    if edition is not None:
        articles = articles.in_edition(edition)
    if category is not None:
        articles = articles.in_category(category)
    if not query:
        return articles.none()
    if connection.vendor == "postgresql":
        return _postgres_search(articles, query, edition)
    return _fallback_search(articles, query)


def _postgres_search(articles, query, edition):
    if edition is not None:
        # The edition's configuration, by the rule its stored vectors are built with.
        config = Func(Value(edition), function="articles_search_config", output_field=TextField())
    else:
        config = "simple" if SINHALA_OR_TAMIL.search(query) else "english"
    tsquery = SearchQuery(query, search_type="websearch", config=config)
    text = Concat("standfirst", Value(" "), StripTags("body"), output_field=TextField())
    # Rank only the newest matches: a word found in most of 100,000 articles would otherwise be
    # ranked (and counted) row by row. PostgreSQL reads these newest-first from the publish-time
    # index for common words, or from the GIN index for rare ones.
    candidates = articles.filter(search_vector=tsquery).latest_first().values("pk")
    return (
        articles.filter(pk__in=candidates[:MAX_RANKED])
        .annotate(
            rank=SearchRank(F("search_vector"), tsquery),
            headline=SearchHeadline(
                text,
                tsquery,
                config=_row_config(),
                start_sel=START,
                stop_sel=STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
            title_headline=SearchHeadline(
                "title",
                tsquery,
                config=_row_config(),
                start_sel=START,
                stop_sel=STOP,
                highlight_all=True,
            ),
        )
        .order_by("-rank", "-published_at", "-pk")
    )


def _terms(query):
    """The words of a query, without websearch operators and punctuation.

    Not `\\w+`: Sinhala and Tamil vowel signs are combining marks, which `\\w` does not match.
    """
    text = "".join(" " if unicodedata.category(ch)[0] in "PSZ" else ch for ch in query)
    return [word for word in text.split() if word.lower() != "or"][:MAX_FALLBACK_TERMS]


def _fallback_search(articles, query):
    terms = _terms(query)
    if not terms:
        return articles.none()
    for term in terms:
        by_author = ArticleAuthor.objects.filter(
            article=OuterRef("pk"), author__name__icontains=term
        )
        articles = articles.filter(
            Q(title__icontains=term)
            | Q(standfirst__icontains=term)
            | Q(body__icontains=term)
            | Exists(by_author)
        )
    return articles.latest_first()


def highlight(articles, query: str) -> None:
    """Give each result `title_html` and `snippet`: safe HTML, all escaped but the <mark>s."""
    terms = _terms(clean_query(query))
    for article in articles:
        if hasattr(article, "headline"):  # marked by PostgreSQL, which strips tags, not entities
            title, snippet = article.title_headline, html.unescape(article.headline)
        else:
            title, snippet = _mark_terms(article.title, terms), _fallback_headline(article, terms)
        article.title_html = _marked_html(title)
        article.snippet = _marked_html(snippet)


def _marked_html(text) -> SafeString:
    marked = re.sub(f"{START}(.*?){STOP}", r"<mark>\1</mark>", escape(text), flags=re.DOTALL)
    return mark_safe(marked.replace(START, "").replace(STOP, ""))  # escaped above


def _mark_terms(text, terms):
    if not terms:
        return text
    pattern = re.compile("|".join(map(re.escape, terms)), re.IGNORECASE)
    return pattern.sub(lambda match: f"{START}{match.group(0)}{STOP}", text)


def _fallback_headline(article, terms):
    text = " ".join(html.unescape(strip_tags(f"{article.standfirst} {article.body}")).split())
    lowered = text.lower()
    found = [i for i in (lowered.find(term.lower()) for term in terms) if i >= 0]
    start = max(0, min(found) - SNIPPET_CHARS // 3) if found else 0
    excerpt = _mark_terms(text[start : start + SNIPPET_CHARS], terms)
    return ("… " if start else "") + excerpt + (" …" if start + SNIPPET_CHARS < len(text) else "")
