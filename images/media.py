"""Addresses of stored images."""

import functools

from django.core.signals import setting_changed
from django.dispatch import receiver


def media_url(storage, name: str) -> str:
    """`storage.url(name)`, remembered per name: a front page asks for a few hundred image URLs
    and each costs a urljoin. Signed URLs (S3 with query-string auth) expire, so are not kept."""
    if getattr(storage, "querystring_auth", False):
        return storage.url(name)
    return _remembered_url(storage, name)


@functools.lru_cache(maxsize=8192)
def _remembered_url(storage, name):
    return storage.url(name)


@receiver(setting_changed)
def _forget_urls(*, setting, **kwargs):
    if setting in {"MEDIA_URL", "STORAGES"}:
        _remembered_url.cache_clear()
