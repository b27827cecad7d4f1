"""Headers for the edge: the tags of what a page shows, and how long the edge may keep it.

Two middleware, on either side of the page cache (freshness.pagecache):

- `EdgeTagsMiddleware`, inside it: after the view, writes the page's tags (edge.tags) into
  `Surrogate-Key`, so the page cache stores them with the page and replays them on each hit.
- `EdgeHeadersMiddleware`, outside it: a reader page the page cache lets a CDN keep (200, public,
  stored or storable) gets the header of the edge in use (EDGE_BACKEND) and a long edge
  lifetime with grace:

      varnish, fastly   Surrogate-Key: edition:en site
                        Surrogate-Control: max-age=3600, stale-while-revalidate=30,
                                           stale-if-error=86400
      cloudflare        Cache-Tag: edition:en,site
                        Cloudflare-CDN-Cache-Control: (the same as Surrogate-Control)

  The edge lifetime never passes the page's own end (the next scheduled change), as the page
  cache's `Cache-Control: public, max-age` (the browser's, PAGE_CACHE_CDN_SECONDS) never does.
  Every other response loses the tag header; with no edge (`none`) nothing is added.

Browsers never see these headers: Fastly and Cloudflare drop them (they are theirs), and
deploy/varnish/default.vcl drops them in vcl_deliver. Anyone reaching the origin directly sees
them; they name only public pages' tags.
"""

import time

from django.conf import settings

from freshness.generation import next_scheduled_change

from .backends import backend
from .tags import page_tags

TAGS = "Surrogate-Key"


class EdgeTagsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.EDGE_BACKEND != "none" and response.status_code == 200:
            response[TAGS] = " ".join(sorted(page_tags(request)))
        return response


class EdgeHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        tags = response.get(TAGS, "").split()
        del response[TAGS]
        # Set by the page cache on what a CDN may keep.
        public = getattr(response, "freshness_valid_until", None) is not None
        edge = backend()
        if edge.tag_header is None or not public or response.status_code != 200:
            return response
        now = time.time()
        # Not valid_until: that is the origin's own, shorter, lifetime of its copy.
        lifetime = max(0, int(min(settings.EDGE_SECONDS, next_scheduled_change(now) - now)))
        directives = (
            f"max-age={lifetime}, stale-while-revalidate={settings.EDGE_STALE_WHILE_REVALIDATE},"
            f" stale-if-error={settings.EDGE_STALE_IF_ERROR}"
        )
        if edge.tag_header == "Cache-Tag":
            response["Cloudflare-CDN-Cache-Control"] = directives
            separator = ","
        else:
            response["Surrogate-Control"] = directives
            separator = " "
        if tags:
            response[edge.tag_header] = separator.join(tags)
        return response
