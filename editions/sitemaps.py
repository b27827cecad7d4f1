"""Sitemaps across editions: every edition's addresses, each on its edition's host."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.utils.encoding import iri_to_uri

from . import addresses, registry


class EditionsSitemap(Sitemap):
    """A sitemap whose items each belong to an edition (`edition_of(item)`): their addresses
    go on the edition's own host (EDITION_HOSTS), percent-encoded (Sinhala and Tamil slugs)."""

    def edition_of(self, item) -> str:
        return item.language

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            edition = registry.get(self.edition_of(url["item"]))
            location = url["location"]
            host = edition.host or registry.get(registry.default_code()).host
            if host:
                scheme, rest = location.split("://", 1)
                location = f"{scheme}://{host}/{rest.split('/', 1)[1]}"
            url["location"] = iri_to_uri(location)
        return urls


class SharedSitemap(EditionsSitemap):
    """Each row of `queryset` (a section, an author, a fixed page: shared by the editions) once
    per edition, last modified when the row was."""

    def __init__(self, queryset, date_field):
        self.queryset, self.date_field = queryset, date_field

    def items(self):
        rows = list(self.queryset.all())  # .all(): read anew on every request
        return [(code, row) for code in registry.all_editions() for row in rows]

    def edition_of(self, item):
        return item[0]

    def location(self, item):
        code, row = item
        with addresses.serving(code):
            return row.get_absolute_url()

    def lastmod(self, item):
        return getattr(item[1], self.date_field)

    def get_latest_lastmod(self):
        return self.queryset.all().aggregate(latest=Max(self.date_field))["latest"]
