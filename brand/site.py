"""The site settings as reader pages read them: kept whole in the cache, ended by any save."""

from freshness.generation import generation_cached

from .models import SiteSettings


def site_settings() -> SiteSettings:
    """The settings row (or the defaults), one query per change rather than per request.

    Tagged "chrome", like the menus every page shows: saving the settings ends every cached
    page (brand.apps), and whatever keeps this value (the site chrome) ends with it.
    """
    return generation_cached("site:settings", SiteSettings.load, tags=["chrome"])


def advertising_email() -> str:
    """Where enquiries go and what every page names: the admin's address, else the server's."""
    return site_settings().contact_email
