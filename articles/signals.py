from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record

from .models import Article


@receiver(pre_create_historical_record, sender=Article.history.model)
def snapshot_bylines(*, instance, history_instance, **kwargs):
    """Record the ordered bylines with each version, so a restore can bring them back."""
    history_instance.bylines = list(
        instance.article_authors.order_by("position", "pk").values("author", "role", "position")
    )
