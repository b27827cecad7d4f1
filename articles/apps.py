from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


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

        # Cached pages end when one of these changes, and at the next scheduled change.
        watch(Article, ArticleAuthor, ArticleRedirect, Category, Correction)
        register_next_change(Article.objects.next_scheduled_change)
