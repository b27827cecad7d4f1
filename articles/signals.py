from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Category


@receiver([post_save, post_delete], sender=Category)
def forget_menu(**kwargs):
    cache.delete(Category.MENU_CACHE_KEY)
