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
        from .invalidation import (
            PLACING_FIELDS,
            article_part_tags,
            article_tags,
            category_tags,
            live_entry_tags,
        )
        from .models import (
            Article,
            ArticleAuthor,
            ArticleRedirect,
            Category,
            Correction,
            LiveEntry,
        )

        # Cached pages showing one of these end when it changes (articles.invalidation says
        # which), and every page at the next scheduled change.
        watch(
            Article,
            tags=article_tags,
            before=PLACING_FIELDS,
            moments=Article.scheduled_changes,
        )
        watch(ArticleAuthor, ArticleRedirect, Correction, tags=article_part_tags)
        watch(Category, tags=category_tags)
        watch(LiveEntry, tags=live_entry_tags)
        register_next_change(Article.objects.next_scheduled_change)
