from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def edition_of(row, article_model):
    """The edition of the article `row` belongs to: from the loaded article, else one query."""
    article = row._state.fields_cache.get("article")
    if article is not None:
        return article.language
    return article_model._base_manager.values_list("language", flat=True).get(pk=row.article_id)


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        # Here, not at the top: models (ours and the ones these modules use) can be imported
        # only once the app registry is ready.
        from freshness.generation import register_next_change
        from freshness.signals import watch

        from . import signals  # noqa: F401
        from .models import Article, ArticleAuthor, ArticleRedirect, Category, Correction

        # Cached pages end when one of these changes, and at the next scheduled change: an
        # article (and its bylines, corrections, old addresses) only its own edition's pages.
        watch(Article, scope=lambda article: article.language)
        watch(
            ArticleAuthor,
            ArticleRedirect,
            Correction,
            scope=lambda row: edition_of(row, Article),
        )
        watch(Category)
        register_next_change(Article.objects.next_scheduled_change)
