"""Any change a reader could see makes the anonymous page cache stale (newsroom.pagecache)."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from articles.freshness import bump_generation

# Every model whose rows appear on a public page. A new one is one more line here.
READER_MODELS = (
    "articles.Article",
    "articles.ArticleAuthor",
    "articles.ArticleRedirect",
    "articles.Category",
    "articles.Correction",
    "authors.Author",
    "pages.Page",
)


def content_changed(*, using="default", action="post_", **kwargs):
    if not action.startswith("post_"):
        return
    # Now, so later reads in this transaction (and tests) see it; and again after commit, so a
    # page rendered from the old rows in between under the new generation cannot stay cached.
    bump_generation()
    transaction.on_commit(bump_generation, using=using)


def connect():
    for label in READER_MODELS:
        model = apps.get_model(label)
        post_save.connect(content_changed, sender=model, dispatch_uid=f"pagecache-save-{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"pagecache-del-{label}")
    # Bylines set through article.authors.add()/set() are bulk-created: no post_save.
    m2m_changed.connect(
        content_changed,
        sender=apps.get_model("articles.Article").authors.through,
        dispatch_uid="pagecache-bylines",
    )
