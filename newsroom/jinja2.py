"""The Jinja2 environment for reader pages.

Reader pages are rendered with Jinja2, which compiles templates to Python: on a front page of
ninety stories Django's template language spent more time resolving variables than the page
spent on anything else. The admin and e-mails stay in Django templates, inside their apps.
"""

import functools

from django.conf import settings
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils import timezone, translation
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe
from jinja2 import Environment

from datelines import iso, time_element
from editions.addresses import current, front_links, site_prefix
from editions.registry import all_editions

from .templatetags.newsroom import json_ld, lead_image, link, live_flag, name_list


def url(name, *args):
    """`reverse()`, remembered: every page links to the same few addresses."""
    return _reverse(get_script_prefix(), name, args)


@functools.lru_cache(maxsize=1024)
def _reverse(prefix, name, args):
    return reverse(name, args=args)


def site_url(name, *args):
    """An address of the site itself, not of an edition (the brand's stylesheet, the web app
    manifest): the same whichever edition is served."""
    return _site_reverse(site_prefix(), name, args)


@functools.lru_cache(maxsize=64)
def _site_reverse(prefix, name, args):
    return prefix + reverse(name, urlconf=settings.ROOT_URLCONF, args=args).removeprefix(
        get_script_prefix()
    )


def paragraphs(text):
    """Plain text as <p>/<br> markup, escaped (Django's `linebreaks` filter)."""
    return mark_safe(linebreaks(text, autoescape=True))


def environment(**options):
    env = Environment(extensions=["jinja2.ext.i18n"], trim_blocks=True, **options)
    env.install_gettext_translations(translation, newstyle=True)
    env.globals.update(
        static=static,
        url=url,
        site_url=site_url,
        localtime=timezone.localtime,
        get_language=translation.get_language,
        edition=current,
        all_editions=all_editions,
        edition_fronts=front_links,
        lead_image=lead_image,
        live_flag=live_flag,
    )
    env.filters.update(
        isotime=iso,
        time_tag=time_element,
        json_ld=json_ld,
        link=link,
        name_list=name_list,
        paragraphs=paragraphs,
    )
    return env
