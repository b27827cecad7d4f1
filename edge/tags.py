"""The tags of what a page shows: what the edge keeps it under, and what a change purges.

Views name what they show with `tag(request, "article:42", ...)`; `page_tags()` adds the tag of
the page's scope, which is what changes purge for now (freshness.changes: `edition:<code>` for
an edition's pages, `site` for site-wide ones), so every page is purged exactly when the origin's
own page cache drops it.
"""

from freshness import changes
from freshness.generation import EVERY


def tag(request, *tags: str) -> None:
    """Record that the page being rendered for `request` shows what `tags` name."""
    request.edge_tags = getattr(request, "edge_tags", set()) | set(tags)


def page_tags(request) -> set[str]:
    scope = getattr(request, "content_scope", EVERY)
    scope_tag = changes.SITE_TAG if scope == EVERY else changes.edition_tag(scope)
    return {scope_tag, *getattr(request, "edge_tags", ())}
