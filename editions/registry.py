"""The editions: one per language in settings.LANGUAGES, the default (LANGUAGE_CODE) at `/`,
every other one under `/<code>/`, or at its own host (EDITION_HOSTS) without a prefix.

What the reader pages need to say about an edition (its name in its own language, og:locale,
the Google News publication name, its script) comes from settings.EDITIONS.
"""

import functools
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Edition:
    code: str  # the language code: `<html lang>`, hreflang, the article's `language`
    native_name: str
    locale: str  # og:locale, e.g. si_LK
    publication_name: str  # <news:name> in the news sitemap
    script: str  # ISO 15924 (Latn, Sinh, Taml): what its slugs may be written in
    host: str  # its own host (EDITION_HOSTS), or ""
    prefix: str  # the path before its addresses: "/" or "/si/" (always "/" at its own host)

    @property
    def is_default(self) -> bool:
        return self.code == settings.LANGUAGE_CODE


@functools.cache
def all_editions() -> dict[str, Edition]:
    """Every edition by code, the default first (worked out once; again after a test changes
    the settings: editions.apps)."""
    default = settings.LANGUAGE_CODE
    found = {}
    for code, _name in settings.LANGUAGES:
        meta = settings.EDITIONS.get(code, {})
        host = settings.EDITION_HOSTS.get(code, "")
        found[code] = Edition(
            code=code,
            native_name=meta.get("native_name", code),
            locale=meta.get("locale", code),
            publication_name=meta.get("publication_name", settings.SITE_NAME),
            script=meta.get("script", "Latn"),
            host=host,
            prefix="/" if code == default or host else f"/{code}/",
        )
    return {default: found[default], **found}


def get(code: str) -> Edition:
    """The edition of `code`, or the default one for a code that names none."""
    editions = all_editions()
    return editions.get(code) or editions[settings.LANGUAGE_CODE]


def by_host(host: str) -> Edition | None:
    """The edition served at `host` (without a port), if EDITION_HOSTS names one there."""
    for edition in all_editions().values():
        if edition.host and edition.host == host:
            return edition
    return None


def by_prefix(segment: str) -> Edition | None:
    """The edition whose addresses start with `/<segment>/` on the main host."""
    edition = all_editions().get(segment)
    if edition is None or edition.prefix == "/":
        return None
    return edition


def default_code() -> str:
    return settings.LANGUAGE_CODE
