"""Headers for the edge: the tags of what a page shows, and how long the edge may keep it.

Outside the page cache (freshness.pagecache), which hands on the tags of every page it serves,
rendered or replayed from an entry (`response.cache_tags`, else `request.cache_tags`): the same
tags the origin's own copy is kept under, so a change (freshness.signals.tags_of_change) purges
at the edge exactly the pages it ends here. A reader page the page cache lets a CDN keep (200,
public, stored or storable) gets them in the header of the edge in use (EDGE_BACKEND) with a long
edge lifetime and grace:

    varnish, fastly   Surrogate-Key: article:42 chrome latest:en section:3
                      Surrogate-Control: max-age=3600, stale-while-revalidate=30,
                                         stale-if-error=86400
    cloudflare        Cache-Tag: article:42,chrome,latest:en,section:3
                      Cloudflare-CDN-Cache-Control: (the same as Surrogate-Control)

A page whose tags would not fit the edge's header (edge.backends: `tag_header_limit`) carries
its edition's tag instead, which almost every change in the edition purges, and is kept at the
edge no longer than by browsers (a live blog's update purges only `liveblog:<id>`). The edge
lifetime never passes the page's own end (the next scheduled change), as the page cache's
`Cache-Control: public, max-age` (the browser's, PAGE_CACHE_CDN_SECONDS) never does. With no
edge (`none`) nothing is added.

Browsers never see these headers: Fastly and Cloudflare drop them (they are theirs), and
deploy/varnish/default.vcl drops them in vcl_deliver. Anyone reaching the origin directly sees
them; they name only public pages' tags.
"""

import time

from django.conf import settings

from freshness.generation import EVERY, next_scheduled_change, scope_tags

from .backends import backend


def edge_tags(request, response, separator: str, limit: int) -> tuple[str, bool]:
    """The tag header's value for the page, and whether it fell back to the edition's tag."""
    tags = getattr(response, "cache_tags", None) or getattr(request, "cache_tags", ())
    value = separator.join(sorted(tags))
    if len(value.encode()) <= limit:
        return value, False
    fallback = scope_tags(getattr(request, "content_scope", EVERY))
    return separator.join(sorted(fallback)), True


class EdgeHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Set by the page cache on what a CDN may keep.
        public = getattr(response, "freshness_valid_until", None) is not None
        edge = backend()
        if edge.tag_header is None or not public or response.status_code != 200:
            return response
        separator = "," if edge.tag_header == "Cache-Tag" else " "
        tags, fell_back = edge_tags(request, response, separator, edge.tag_header_limit)
        now = time.time()
        # Not valid_until: that is the origin's own, shorter, lifetime of its copy.
        lifetime = min(settings.EDGE_SECONDS, next_scheduled_change(now) - now)
        if fell_back:
            lifetime = min(lifetime, settings.PAGE_CACHE_CDN_SECONDS)
        directives = (
            f"max-age={max(0, int(lifetime))},"
            f" stale-while-revalidate={settings.EDGE_STALE_WHILE_REVALIDATE},"
            f" stale-if-error={settings.EDGE_STALE_IF_ERROR}"
        )
        if edge.tag_header == "Cache-Tag":
            response["Cloudflare-CDN-Cache-Control"] = directives
        else:
            response["Surrogate-Control"] = directives
        if tags:
            response[edge.tag_header] = tags
        return response
