from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Page


@receiver([post_save, post_delete], sender=Page)
def forget_footer_links(**kwargs):
    cache.delete(Page.FOOTER_CACHE_KEY)
