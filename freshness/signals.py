"""Any change a reader could see ends the cached pages and values carrying the tags it touches."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import Signal

from . import changes
from .generation import bump_tags

# Sent after a change's transaction commits, with `tags` (a frozenset) it ended: the hook for
# anything that keeps copies elsewhere, such as a CDN purging by surrogate key.
tags_bumped = Signal()

# Per model: (tags(row, before) -> iterable of tags, fields of `before` to load).
_rules = {}
# Per model: moments(row) -> the future times at which the row changes pages by the clock.
_moments = {}


def watch(*models, tags, before=(), moments=None) -> None:
    """End the cached pages showing a row of one of `models` whenever it is saved or deleted, or
    one of its many-to-many relations changes (set through add()/set(), it sends no post_save).
    Each app calls this for the models its public pages show.

    `tags(row, before)` names the tags the change touches. `before` is the row as stored before
    a save, loaded with only the fields named in `before` (one query; None for a new or deleted
    row, so a rule can tell a row appearing or leaving from an edit in place).

    `moments(row)` names the future times at which a saved row changes pages by the clock alone
    (a scheduled publish, an expiry). The page cache needs them not (nothing is kept past the next
    scheduled change); whoever keeps copies elsewhere hears of each with the change
    (freshness.changes), with the tags of the row appearing or leaving then.
    """
    for model in models:
        _rules[model] = (tags, tuple(before))
        if moments is not None:
            _moments[model] = moments
        label = model._meta.label
        if before:
            pre_save.connect(_load_before, sender=model, dispatch_uid=f"freshness-pre-{label}")
        post_save.connect(_saved, sender=model, dispatch_uid=f"freshness-save-{label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"freshness-del-{label}")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _m2m_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"freshness-m2m-{label}.{field.name}",
            )


def tags_of_change(row, *, before=None) -> frozenset:
    """The tags a change of `row` touches (`before`: the row as stored before, None if it is new
    or deleted). The one answer to "what does this change end", for the page cache and for
    anything that keeps copies elsewhere."""
    rule, _fields = _rules[type(row)]
    return frozenset(rule(row, before))


def _load_before(*, sender, instance, raw=False, using="default", **kwargs):
    if raw or instance.pk is None or instance._state.adding:
        instance._freshness_before = None
        return
    fields = _rules[sender][1]
    instance._freshness_before = (
        sender._base_manager.using(using).filter(pk=instance.pk).only(*fields).first()
    )


def _saved(*, instance, created=False, using="default", **kwargs):
    before = None if created else getattr(instance, "_freshness_before", instance)
    instance.__dict__.pop("_freshness_before", None)
    _bump(tags_of_change(instance, before=before), using)
    if moments := _moments.get(type(instance)):
        for moment in sorted(set(moments(instance))):
            changes.changed(tags=tags_of_change(instance), at=moment, using=using)


def _deleted(*, instance, using="default", **kwargs):
    _bump(tags_of_change(instance), using)


def _m2m_changed(*, instance, action, using="default", **kwargs):
    # An edit in place of `instance` (whichever side of the relation it is on).
    if action.startswith("post_") and type(instance) in _rules:
        _bump(tags_of_change(instance, before=instance), using)


def _bump(tags, using):
    # Now, so later reads in this transaction (and tests) see it; and again after commit, so a
    # page rendered from the old rows in between cannot stay cached.
    bump_tags(tags, using=using)
    # Inside the transaction: whoever keeps copies elsewhere records what to end with the edit,
    # so a process dying right after the commit loses nothing.
    changes.changed(tags=tags, using=using)

    def after_commit():
        bump_tags(tags, using=using)
        tags_bumped.send(sender=None, tags=tags)

    transaction.on_commit(after_commit, using=using)
