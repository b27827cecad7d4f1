"""Which cached pages a change of an article, a byline, a correction or a section ends.

The tags (freshness.generation; the README's table lists them all):

- `article:<id>`   the story itself wherever it shows: its page, its card or headline in a list
- `section:<id>`   a section: its name (menus, breadcrumbs) and which stories its lists hold
- `author:<id>`    an author's profile: their page's header, their bylines
- `bylined:<id>`   which stories an author's lists hold
- `latest:<code>`  which stories an edition's lists by time hold (Latest News, /latest/, feeds)
- `front:<code>`   which story an edition's front page leads with (featuring)
- `breaking:<code>`  the edition's breaking-news banner
- `story:<group>`  the links between a story's translations (hreflang)
- `edition:<code>` anything in the edition (sitemaps, and pages that name no tags of their own)
- `chrome`         what every page of every edition shows: the menu, the footer's pages
- `liveblog:<id>`  a live blog's updates: its page, its polling endpoint, its feed, its API updates

An edit in place touches only `article:<id>`; a story appearing, leaving or moving (its status,
times, section, edition, flags or address) also touches the lists it was and is in.
"""

from freshness.generation import every_edition

# A change of one of these moves the story in or out of lists, or within them.
PLACING_FIELDS = (
    "status",
    "published_at",
    "embargo_until",
    "expires_at",
    "category_id",
    "language",
    "featured",
    "featured_until",
    "breaking",
    "breaking_until",
    "slug",
    "url_date",
    "translation_group",
    "coverage",
)


def article_tags(article, before) -> set[str]:
    tags = {f"article:{article.pk}", f"edition:{article.language}"}
    moved = before is None or any(
        getattr(before, name, None) != getattr(article, name, None) for name in PLACING_FIELDS
    )
    if moved:
        for state in filter(None, (before, article)):
            if state.status == state.Status.PUBLISHED:
                tags |= _placing_tags(state)
    return tags


def _placing_tags(article) -> set[str]:
    code = article.language
    tags = {
        f"edition:{code}",
        f"latest:{code}",
        f"section:{article.category_id}",
        f"story:{article.translation_group}",
        *(f"bylined:{pk}" for pk in article.article_authors.values_list("author_id", flat=True)),
    }
    if article.featured:
        tags.add(f"front:{code}")
    if article.breaking or getattr(article, "coverage", None) == "open":
        tags.add(f"breaking:{code}")
    return tags


def article_part_tags(row, before) -> set[str]:
    """A byline, a correction or an old address: its article's page and card; a byline also
    which stories the author's lists hold (not the profile: `author:<id>`)."""
    tags = {f"article:{row.article_id}", *_edition_of(row)}
    if author_id := getattr(row, "author_id", None):
        tags.add(f"bylined:{author_id}")
    return tags


def _edition_of(row) -> set[str]:
    """The edition tag of the article `row` belongs to: from the loaded article, else one
    query; every edition's when the article is gone (a row deleted with it)."""
    article = row._state.fields_cache.get("article")
    if article is None:
        article = type(row).article.field.related_model._base_manager.filter(pk=row.article_id)
        article = article.only("language").first()
    if article is None:
        return every_edition()
    return {f"edition:{article.language}"}


def live_entry_tags(entry, before) -> set[str]:
    """An update ends its live blog's page, polling answers and feed, nothing else: the front
    page and lists show the live blog's headline, not its updates."""
    return {f"liveblog:{entry.article_id}"}


def category_tags(category, before) -> set[str]:
    """A section's name shows in the menu of every page; its lists in every edition."""
    return {f"section:{category.pk}", "chrome", *every_edition()}
