from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control

from .site import site_settings

YEAR = 365 * 24 * 3600
MANIFEST_ICON_SIZES = (192, 512)


def stylesheet(request, digest):
    """The brand's colours as CSS. Its address carries a hash of its content, so browsers and
    CDNs keep it for a year, and new colours get a new address (pages link the current one)."""
    brand = site_settings()
    if digest != brand.stylesheet_hash():
        # A page cached before the colours changed: send it to today's.
        return redirect("brand:stylesheet", digest=brand.stylesheet_hash())
    response = HttpResponse(brand.stylesheet(), content_type="text/css; charset=utf-8")
    patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    return response


def manifest(request):
    """The web app manifest: the name, colours and icons a phone's home screen uses."""
    brand = site_settings()
    icons = [
        {"src": url, "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
        for size in MANIFEST_ICON_SIZES
        if (url := brand.icon_url(size))
    ]
    return JsonResponse(
        {
            "name": settings.SITE_NAME,
            "short_name": settings.SITE_NAME,
            "start_url": "/",
            "scope": "/",
            "display": "browser",
            "theme_color": brand.primary_colour,
            "background_color": "#ffffff",
            "icons": icons,
        },
        content_type="application/manifest+json",
    )
