from django.db.models.signals import post_save
from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record

from authors.models import Author

from .models import Article
from .search import refresh_search_vectors


@receiver(pre_create_historical_record, sender=Article.history.model)
def snapshot_bylines(*, instance, history_instance, **kwargs):
    """Record the ordered bylines with each version, so a restore can bring them back."""
    history_instance.bylines = list(
        instance.article_authors.order_by("position", "pk").values("author", "role", "position")
    )


@receiver(post_save, sender=Author)
def reindex_renamed_author(instance, created, **kwargs):
    """Author names are in their articles' search text (one set-based UPDATE)."""
    if not created:
        refresh_search_vectors(Article.objects.filter(article_authors__author=instance))
