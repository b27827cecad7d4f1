"""Serves each request in the edition its address names: never the browser's language.

`/si/…` and `/ta/…` (or an edition's own host, EDITION_HOSTS) activate that edition's language;
everything else is the default edition. Accept-Language and cookies are never read, and no
`Vary: Accept-Language` is added, so the page cache keeps one entry per address (Django's
LocaleMiddleware does both, and is not installed).
"""

from django.conf import settings
from django.http.request import split_domain_port
from django.urls import get_script_prefix, set_script_prefix
from django.utils import translation

from freshness.generation import EVERY

from . import addresses, registry

# Under an edition's prefix only reader pages answer (the admin, sitemaps … are site-wide).
READER_URLCONF = "newsroom.reader_urls"
# Site-wide addresses: whatever edition they are read in, any edition's change ends them.
# The API shows every edition's content at one address.
SITE_WIDE_PREFIXES = (
    "/admin/",
    "/api/",
    "/healthz",
    "/robots.txt",
    "/sitemap",
    "/news-sitemap.xml",
    "/brand/",
    "/manifest.webmanifest",
)


class EditionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        base = get_script_prefix()
        edition = registry.by_host(split_domain_port(request.get_host())[0])
        # The default edition's host (if named) is the main one: the prefixes work there.
        if edition is None or edition.is_default:
            segment = request.path_info[1:].split("/", 1)[0]
            edition = registry.by_prefix(segment)
            if edition is None:
                edition = registry.get(settings.LANGUAGE_CODE)
            else:
                request.path_info = request.path_info[len(segment) + 1 :]
                request.urlconf = READER_URLCONF
                set_script_prefix(base + segment + "/")
        site_wide = request.path_info.startswith(SITE_WIDE_PREFIXES)
        request.edition = edition
        # Which content generation (freshness) the page cache reads for this address.
        request.content_scope = EVERY if site_wide else edition.code
        request.LANGUAGE_CODE = edition.code
        token = addresses._site_prefix.set(base)
        try:
            with translation.override(edition.code):
                response = self.get_response(request)
        finally:
            addresses._site_prefix.reset(token)
            set_script_prefix(base)
        if not site_wide:
            response.headers.setdefault("Content-Language", edition.code)
        return response
