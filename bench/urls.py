"""The site's URLs plus the benchmark's baseline (bench.baseline)."""

from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns

from .baseline import PATH, baseline

urlpatterns = [path(PATH.lstrip("/"), baseline), *site_urlpatterns]
