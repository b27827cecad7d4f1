"""The anonymous page cache: whole reader pages in the shared cache, fresh after every edit.

Django's cache middleware keys on `Vary: Cookie` and skips responses to requests that carry
cookies, so a reader's CSRF cookie would split or bypass it. This one keys on method, scheme,
host and full path only, and stays out of the way of anyone who may see something else:

- requests with a session cookie (logged-in staff; anonymous readers never get one) or a pending
  flash message, requests with an `Authorization` header, anything under /admin/, and /healthz;
- responses that are not 200, set a cookie (a page with a CSRF token always does), vary on
  anything but Cookie, or say private/no-cache/no-store (`never_cache` previews, search, forms);
- responses that say `immutable` (an address naming its content's hash): their own year-long
  lifetime stands.

Entries are stored gzipped (an anonymous page holds no secret, so compression cannot leak one)
and served gzipped to every client that accepts it, as browsers and CDNs do: a hit then writes
a sixth of the bytes. Anyone else gets them decompressed.

The key holds the query parameters the page's view reads, and only those: a view names them
(`page_cache_parameters`, a class attribute or the decorator of that name); a paginated view's
page parameter counts by itself. Any other parameter (`utm_*`, `fbclid`, a random one) is taken
off the request before the view sees it, so such an address is answered with the same entry as
the page without it and can neither render anew nor fill the cache.

Freshness: an entry is kept under the tags of what the page shows (freshness.generation: the
view names its own with `tag()`, cached values bring theirs; a page whose view names none gets
the tags of the request's `content_scope`, its edition or every edition), so every app server
sharing the cache serves an edit on its next request, an edit ends only the pages showing it,
and no entry outlives the next scheduled change after its data was read. The response (and the
request) carry the page's tags as `cache_tags`, for anything in front that purges by tag.
Missing pages and redirects are not stored, but a CDN
may keep them as briefly as a page (never past the next scheduled change, so a scheduled
article's address does not stay a 404 there). While the cache cannot be reached, pages render
every time and are not stored.
"""

import functools
import gzip
import hashlib
import math
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, urlencode

from . import generation as freshness

# Health probes must answer whatever is down, without reading anything for a page.
EXCLUDED_PREFIXES = ("/admin/", "/healthz")
MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}
# Answers a CDN may keep briefly but that are not stored here: a flood of made-up addresses
# must not fill the cache.
NOT_STORED_BUT_PUBLIC = {301, 302, 307, 308, 404, 410}
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Set again on every answer from the cache: the cache-control lifetime and the body's encoding
# and length vary with the request.
REPLAYED_HEADERS_EXCLUDED = {"cache-control", "content-length", "content-encoding", "vary"}


def page_cache_parameters(*names):
    """Decorates a function view that reads the query parameters `names` (for a class-based
    view, set the class attribute `page_cache_parameters` instead)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            return view(*args, **kwargs)

        wrapper.page_cache_parameters = names
        return wrapper

    return decorate


def _parameters_read(request) -> frozenset | None:
    """The query parameters the view of this address reads; None if no view answers it."""
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None
    view = getattr(match.func, "view_class", match.func)
    names = set(getattr(view, "page_cache_parameters", ()))
    if page_kwarg := getattr(view, "page_kwarg", None):  # ListView and its kin
        names.add(page_kwarg)
    return frozenset(names)


def _keep_only_parameters_read(request) -> bool:
    """Takes every parameter the view does not read off the request. False if no view answers
    the address."""
    if not request.META.get("QUERY_STRING"):
        return True
    names = _parameters_read(request)
    if names is None:
        return False
    query = urlencode(
        [(name, values) for name, values in request.GET.lists() if name in names], doseq=True
    )
    if query != request.META["QUERY_STRING"]:
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)
    return True


def _page_key(request) -> str:
    url = f"{request.method}:{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "pagecache:page:" + hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def _cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(EXCLUDED_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _public(response) -> bool:
    """Nothing in the response is for one reader only."""
    if response.streaming or response.cookies:
        return False
    directives = {
        part.split("=")[0].strip().lower() for part in response.get("Cache-Control", "").split(",")
    }
    varies = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return not directives & UNCACHEABLE_DIRECTIVES and varies <= {"cookie"}


def _immutable(response) -> bool:
    """A response at an address naming its content's hash (a stylesheet of the site settings'
    colours): it sets its own year-long lifetime, which a stored copy's replay would cut short,
    and costs no query to render again."""
    return "immutable" in response.get("Cache-Control", "")


def _allow_public_caching(response, valid_until: float):
    """Public caching headers for a CDN, never past the entry's own end."""
    remaining = int(valid_until - time.time())
    response.freshness_valid_until = valid_until  # for an edge in front (edge.middleware)
    patch_cache_control(
        response, public=True, max_age=max(0, min(settings.PAGE_CACHE_CDN_SECONDS, remaining))
    )
    return response


def _finish(request, response, valid_until: float):
    """Public caching headers, then conditional GET."""
    _allow_public_caching(response, valid_until)
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=response.last_modified_timestamp,
        response=response,
    )


def page_tags(request, collected) -> frozenset:
    """The tags of the page just rendered: those collected, plus its edition's (or every
    edition's) when its view named none of its own."""
    tags = set(collected.tags)
    if not collected.own:
        tags |= freshness.scope_tags(getattr(request, "content_scope", freshness.EVERY))
    return frozenset(tags)


class PageCacheMiddleware:
    """Serves and stores anonymous reader pages; see the module docstring for the rules."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE:
            return self.get_response(request)
        if not _cacheable_request(request):
            response = self.get_response(request)
            if "Cache-Control" not in response:
                # A signed-in page must never be held by a shared cache in front of us.
                patch_cache_control(response, private=True)
            return response
        if not _keep_only_parameters_read(request):
            return self.get_response(request)

        key = _page_key(request)
        found = freshness.lookup(key)
        if found.entry is not None:
            request.cache_tags = frozenset(found.entry[6])
            return self.replay(request, found.entry)

        # The entry's life is fixed before its data is read: a scheduled change falling due
        # while the page renders ends it, though the page may not show the change.
        now = time.time()
        valid_until = freshness.valid_until(found, now)
        with freshness.collecting_tags() as collected:
            response = self.get_response(request)
        request.cache_tags = page_tags(request, collected)
        if _immutable(response):
            return response
        if response.status_code in NOT_STORED_BUT_PUBLIC:
            if "Cache-Control" not in response and _public(response):
                _allow_public_caching(response, valid_until)
            return response
        if response.status_code != 200 or not _public(response):
            return response
        stamped = freshness.stamps(request.cache_tags, found)
        if stamped is None or valid_until - time.time() < 1:
            response.cache_tags = request.cache_tags
            return _allow_public_caching(response, valid_until)  # not stored
        entry = self.store(
            key,
            response,
            stamped=stamped,
            tags=request.cache_tags,
            now=now,
            valid_until=valid_until,
        )
        freshness.remember_counters(key, stamped)
        # Answered from the entry, so this reader gets exactly what the next one will.
        return self.replay(request, entry, hit=False)

    @staticmethod
    def store(key, response, *, stamped, tags, now, valid_until):
        if not response.has_header("ETag"):
            digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
            response["ETag"] = f'"{digest}"'
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(now)
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in REPLAYED_HEADERS_EXCLUDED
        ]
        body = gzip.compress(response.content, compresslevel=6, mtime=0)
        entry = (stamped, valid_until, response.status_code, headers, body, int(now), tuple(tags))
        cache.set(key, entry, timeout=math.ceil(valid_until - now))
        return entry

    @staticmethod
    def replay(request, entry, *, hit=True):
        _, valid_until, status, headers, body, stored_at, tags = entry
        if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            response = HttpResponse(body, status=status, headers=headers)
            response["Content-Encoding"] = "gzip"
            # The same page in another encoding: a weak validator, as Django's GZipMiddleware.
            if not response["ETag"].startswith("W/"):
                response["ETag"] = "W/" + response["ETag"]
        else:
            response = HttpResponse(gzip.decompress(body), status=status, headers=headers)
        response["Content-Length"] = str(len(response.content))
        # Nothing in an anonymous page depends on cookies, so a CDN need not split on them.
        response["Vary"] = "Accept-Encoding"
        response.last_modified_timestamp = stored_at
        response.cache_tags = frozenset(tags)
        if hit:
            response["X-Page-Cache"] = "hit"  # for operators and tests: this was not rendered
        return _finish(request, response, valid_until)
