"""Addresses in an edition: the path prefix of each, absolute URLs across hosts.

The middleware (editions.middleware) takes the edition's segment off `path_info` and adds it to
the script prefix, so `reverse()` and every address built from `get_script_prefix()` carry the
edition being served. An address of another edition (an article of its own edition, hreflang,
the edition fronts) is built with `path_prefix(code)`.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.urls import get_script_prefix, set_script_prefix
from django.utils import translation
from django.utils.encoding import iri_to_uri

from . import registry

# The script prefix before the middleware added an edition's segment (set per request).
_site_prefix: ContextVar[str | None] = ContextVar("site_prefix", default=None)


def site_prefix() -> str:
    """The site's own prefix (`/`, or SCRIPT_NAME's), whichever edition is served."""
    return _site_prefix.get() or get_script_prefix()


def path_prefix(code: str) -> str:
    """Where the addresses of edition `code` start on its own host: `/` or `/si/`."""
    return site_prefix() + registry.get(code).prefix[1:]


def current() -> registry.Edition:
    """The edition being served (the active language's)."""
    return registry.get(translation.get_language() or "")


def absolute_url(code: str, path: str, request) -> str:
    """`path` (an address of edition `code`) as an absolute URL, on the edition's host if it
    has one, else on the default edition's host if that has one, else on the request's."""
    edition = registry.get(code)
    host = edition.host or registry.get(registry.default_code()).host
    if host and host != request.get_host():
        return iri_to_uri(f"{request.scheme}://{host}{path}")
    return request.build_absolute_uri(path)


@contextmanager
def serving(code: str):
    """Inside, addresses and translations are edition `code`'s, as in a request for it."""
    edition = registry.get(code)
    base = site_prefix()
    token = _site_prefix.set(base)
    previous = get_script_prefix()
    set_script_prefix(base + edition.prefix[1:])
    try:
        with translation.override(code):
            yield edition
    finally:
        set_script_prefix(previous)
        _site_prefix.reset(token)


def alternates(paths: dict[str, str], request) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for the same page in each edition of `paths` (code → path),
    and `x-default` for the default edition's, when there is more than one."""
    if len(paths) < 2:
        return []
    found = [(code, absolute_url(code, path, request)) for code, path in paths.items()]
    default = dict(found).get(registry.default_code())
    return found + ([("x-default", default)] if default else [])


def fronts() -> dict[str, str]:
    """Every edition's front page, by code."""
    return {code: path_prefix(code) for code in registry.all_editions()}


def front_links() -> list[tuple[registry.Edition, str]]:
    """Each edition with the address of its front page from any page: a path on this host, or
    `//host/` for an edition at its own host (and the main host's editions seen from there)."""
    default_host = registry.get(registry.default_code()).host
    links = []
    for code, edition in registry.all_editions().items():
        host = edition.host or default_host
        path = path_prefix(code)
        links.append((edition, iri_to_uri(f"//{host}{path}") if host else path))
    return links
