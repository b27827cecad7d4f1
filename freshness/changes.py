"""Who else must hear of a change a reader could see (the edge in front of the site).

freshness.signals calls `changed()` inside the transaction of each change, with the tags it
ends (freshness.signals.tags_of_change: the same the page cache bumps); an app that keeps pages
elsewhere registers with `on_change()` from its AppConfig.ready(), so freshness imports none of
them. Being inside the transaction, what a listener records commits (or rolls back) with the
change: a process dying right after the commit loses nothing.
"""

_listeners = []


def on_change(listener) -> None:
    """Call `listener(tags=…, at=…, using=…)` on every change, inside its transaction: `at` is
    None for the change itself, else a later time at which it ends the pages of `tags` by the
    clock alone (a scheduled publish, an expiry)."""
    if listener not in _listeners:
        _listeners.append(listener)


def changed(*, tags, at=None, using: str = "default") -> None:
    for listener in _listeners:
        listener(tags=tags, at=at, using=using)
