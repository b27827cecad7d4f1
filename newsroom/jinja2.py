"""The Jinja2 environment for reader pages.

Reader pages are rendered with Jinja2, which compiles templates to Python: on a front page of
ninety stories Django's template language spent more time resolving variables than the page
spent on anything else. The admin and e-mails stay in Django templates (templates/).
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe

from jinja2 import Environment

from .templatetags.newsroom import dateline, isotime, json_ld, time_tag


def url(name, *args, **kwargs):
    return reverse(name, args=args or None, kwargs=kwargs or None)


def paragraphs(text):
    """Plain text as <p>/<br> markup, escaped (Django's `linebreaks` filter)."""
    return mark_safe(linebreaks(text, autoescape=True))


def environment(**options):
    env = Environment(extensions=["jinja2.ext.i18n"], trim_blocks=True, **options)
    env.install_gettext_translations(translation, newstyle=True)
    env.globals.update(
        static=static, url=url, localtime=timezone.localtime, get_language=translation.get_language
    )
    env.filters.update(
        dateline=dateline,
        isotime=isotime,
        time_tag=time_tag,
        json_ld=json_ld,
        paragraphs=paragraphs,
    )
    return env
