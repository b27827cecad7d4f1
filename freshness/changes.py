"""Who else must hear of a change a reader could see (the edge in front of the site).

freshness.signals calls `changed()` inside the transaction of each change, with the tags of
the cached pages it ends; an app that keeps pages elsewhere registers with `on_change()` from
its AppConfig.ready(), so freshness imports none of them.

A tag names what a page shows. Until pages record what they show, the tags follow the content
generations exactly (freshness.generation): `edition:<code>` for every page of one edition and
`site` for the site-wide ones, so a change ends at the edge what it ends here.
"""

from django.conf import settings

SITE_TAG = "site"
_listeners = []


def on_change(listener) -> None:
    """Call `listener(tags=…, using=…)` on every change, inside its transaction."""
    if listener not in _listeners:
        _listeners.append(listener)


def edition_tag(code: str) -> str:
    return f"edition:{code}"


def tags_of_scopes(scopes) -> set[str]:
    """The tags of the pages a bump of `scopes` (editions' codes; None: every edition) ends."""
    codes = [code for code, _name in settings.LANGUAGES] if scopes is None else scopes
    return {SITE_TAG, *(edition_tag(code) for code in codes)}


def changed(*, tags: set[str], using: str = "default") -> None:
    for listener in _listeners:
        listener(tags=tags, using=using)
