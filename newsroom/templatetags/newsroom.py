"""Presentation helpers shared by every app's templates."""

import json

import markupsafe
from django import template
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, pgettext
from js_asset import Media

from datelines import dateline, iso, time_element

register = template.Library()

register.filter("dateline", dateline)
register.filter("isotime", iso)


register.filter("time_tag", time_element)


def lead_image(article, sizes="100vw", *, lazy=False, link=None, css_class=None):
    """The article's lead <img> (srcset, intrinsic size, lazy loading); '' without one.

    With `link`, the picture links where the story's headline does; the headline's link is the
    one keyboards and screen readers meet, so this one is left out of both. Written in Python
    rather than as a Jinja macro: list pages draw it for every story, and a macro call costs
    more than the markup.
    """
    if not article.lead_image:
        return markupsafe.Markup("")
    # markupsafe's C escape in f-strings: format_html() and Markup.format() run Python's
    # string.Formatter, several times slower.
    image = f'<img src="{markupsafe.escape(article.lead_image_url)}"'
    if srcset := article.lead_image_srcset:
        image += f' srcset="{markupsafe.escape(srcset)}" sizes="{markupsafe.escape(sizes)}"'
    image += f' alt="{markupsafe.escape(article.lead_image_alt)}"'
    if article.lead_image_width:
        image += f' width="{article.lead_image_width:d}" height="{article.lead_image_height:d}"'
    image += ' loading="lazy" decoding="async">' if lazy else ' decoding="async">'
    if link is not None:
        extra = f' class="{markupsafe.escape(css_class)}"' if css_class else ""
        hidden = 'tabindex="-1" aria-hidden="true"'
        image = f'<a href="{markupsafe.escape(link)}" {hidden}{extra}>{image}</a>'
    return markupsafe.Markup(image)


def live_flag(item):
    """'Live ' before the headline of a live blog whose coverage is open; '' otherwise."""
    if not item.coverage_open:
        return ""
    label = markupsafe.escape(gettext("Live"))
    return markupsafe.Markup(f'<span class="live-flag">{label}</span> ')


@register.filter
def link(item):
    """<a href="item's address">item</a>."""
    return format_html('<a href="{}">{}</a>', item.get_absolute_url(), item)


@register.filter(is_safe=True)
def name_list(items) -> SafeString:
    """'A', 'A and B', 'A, B and C' in the active language (CLDR's list patterns, as
    translatable strings); items that are not already safe HTML are escaped."""
    items = [conditional_escape(item) for item in items]
    if not items:
        return mark_safe("")
    text = items[-1]
    if len(items) > 1:
        end = pgettext("list of two or the last two names", "%(first)s and %(last)s")
        text = escape(end) % {"first": items[-2], "last": text}
    for item in reversed(items[:-2]):
        middle = pgettext("list of names, all but the last two", "%(first)s, %(rest)s")
        text = escape(middle) % {"first": item, "rest": text}
    return mark_safe(text)


@register.filter
def csp_nonced(media, request):
    """Form media whose inline scripts (an import map) carry the request's CSP nonce; only
    pages that are never cached may use it (the admin's)."""
    nonce = getattr(request, "csp_nonce", None)  # django-csp's middleware sets it
    # str() makes the nonce now, which also puts it in this response's header.
    return Media.from_media(media, nonce="" if nonce is None else str(nonce))


# Inside <script>, "</script>" or "<!--" in a headline must not end the element early.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """A dict as a <script type="application/ld+json"> element, safe for any text inside."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
