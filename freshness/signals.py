"""Any change a reader could see makes the page cache and every generation-cached value stale."""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import changes
from .generation import bump_generation

# Per model, what tells the scope (an edition's code) of a row; models not named are shared.
_scopes = {}


def watch(*models, scope=None) -> None:
    """Bump the content generation whenever a row of one of `models` is saved or deleted, or
    one of their many-to-many relations changes (set through add()/set(), it sends no
    post_save). Each app calls this for the models its public pages show.

    `scope(row)` names the one edition a row is shown in (its code); without it, a change
    of the row bumps every edition.
    """
    for model in models:
        if scope is not None:
            _scopes[model] = scope
        label = model._meta.label
        post_save.connect(content_changed, sender=model, dispatch_uid=f"freshness-save-{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"freshness-del-{label}")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                content_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"freshness-m2m-{label}.{field.name}",
            )


def _scopes_of(instance):
    """[the edition's code] of a row of one edition, None (every edition) for a shared row or
    one whose edition cannot be told (a row deleted with its article)."""
    scope = _scopes.get(type(instance))
    if scope is None:
        return None
    try:
        return [scope(instance)]
    except ObjectDoesNotExist:
        return None


def content_changed(*, using="default", action="post_", instance=None, **kwargs):
    if not action.startswith("post_"):
        return
    scopes = _scopes_of(instance)
    # Now, so later reads in this transaction (and tests) see it; and again after commit, so a
    # page rendered from the old rows in between under the new generation cannot stay cached.
    bump_generation(scopes=scopes, using=using)
    transaction.on_commit(lambda: bump_generation(scopes=scopes, using=using), using=using)
    changes.changed(tags=changes.tags_of_scopes(scopes), using=using)
