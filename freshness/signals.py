"""Any change a reader could see makes the page cache and every generation-cached value stale."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .generation import bump_generation


def watch(*models) -> None:
    """Bump the content generation whenever a row of one of `models` is saved or deleted, or
    one of their many-to-many relations changes (set through add()/set(), it sends no
    post_save). Each app calls this for the models its public pages show."""
    for model in models:
        label = model._meta.label
        post_save.connect(content_changed, sender=model, dispatch_uid=f"freshness-save-{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"freshness-del-{label}")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                content_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"freshness-m2m-{label}.{field.name}",
            )


def content_changed(*, using="default", action="post_", **kwargs):
    if not action.startswith("post_"):
        return
    # Now, so later reads in this transaction (and tests) see it; and again after commit, so a
    # page rendered from the old rows in between under the new generation cannot stay cached.
    bump_generation(using=using)
    transaction.on_commit(lambda: bump_generation(using=using), using=using)
