"""Article bodies: the HTML allow-list, the model field that enforces it, and the admin editor.

Every body is cleaned by `sanitize_html` on its way into the database, whatever path wrote it
(forms, `save()`, `QuerySet.update()`, `bulk_create`, history restores, scripts), so stored HTML
is always safe to render with `|safe`.
"""

import re
from functools import cache
from urllib.parse import unquote, urlsplit

import nh3
from django.conf import settings
from django.db import models
from django.templatetags.static import static
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget

TAGS = {
    "h2", "h3", "h4", "p", "br", "strong", "b", "em", "i", "a",
    "ul", "ol", "li", "blockquote", "figure", "figcaption", "iframe",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "iframe": {"src", "width", "height", "title", "allow", "allowfullscreen", "loading"},
}
LINK_SCHEMES = {"http", "https", "mailto"}
# Player features an embed may ask for; anything else (camera, microphone…) is dropped.
IFRAME_FEATURES = {
    "accelerometer", "autoplay", "clipboard-write", "encrypted-media", "fullscreen",
    "gyroscope", "picture-in-picture", "web-share",
}  # fmt: skip
# nh3's output quotes every attribute and escapes `"` and `>` inside values, so this is exact.
IFRAME_ELEMENT = re.compile(r"<iframe((?: [a-z-]+(?:=\"[^\"]*\")?)*)>.*?</iframe>", re.DOTALL)
# Links never nest in nh3's output (the HTML parser closes one before the next opens).
LINK_ELEMENT = re.compile(r"<a((?: [a-z-]+=\"[^\"]*\")*)>(.*?)</a>", re.DOTALL)
LINK_ADDRESS = re.compile(r' href="[^"]')


def is_allowed_embed(url: str) -> bool:
    """An https URL on an allowed video player (host plus path prefix), with no tricks in it."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    path = unquote(parts.path)
    if (
        parts.scheme != "https"
        or parts.username is not None
        or parts.password is not None
        or parts.port is not None
        or "\\" in path
        # Browsers resolve dot segments, so /embed/../elsewhere would leave the prefix.
        or any(segment in (".", "..") for segment in path.split("/"))
    ):
        return False
    location = f"{parts.hostname}{path}"
    prefixes = (*settings.VIDEO_EMBED_PLAYERS, *settings.VIDEO_EMBED_HOSTS)
    return any(
        location.startswith(prefix if "/" in prefix else f"{prefix}/") for prefix in prefixes
    )


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag != "iframe":
        return value
    if attribute == "src":
        return value if is_allowed_embed(value) else None
    if attribute in ("width", "height"):
        return value if value.isdigit() and len(value) <= 4 else None
    if attribute == "loading":
        return value if value in ("lazy", "eager") else None
    if attribute == "allowfullscreen":
        return ""
    if attribute == "allow":
        features = [f for f in (p.strip() for p in value.split(";")) if f in IFRAME_FEATURES]
        return "; ".join(features) or None
    return value


@cache
def _cleaner() -> nh3.Cleaner:
    # Built once; the embed filter reads VIDEO_EMBED_HOSTS on every call, so it is never stale.
    return nh3.Cleaner(
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=LINK_SCHEMES,
        link_rel="noopener noreferrer",
        clean_content_tags={"script", "style", "svg", "math", "template", "noscript"},
        strip_comments=True,
    )


def _keep_playable_iframe(match: re.Match) -> str:
    # An iframe whose src was refused is dropped whole; a kept one loses any fallback text.
    attributes = match.group(1)
    return f"<iframe{attributes}></iframe>" if ' src="' in attributes else ""


def _unwrap_dead_link(match: re.Match) -> str:
    # A link whose address was refused (javascript:, data:…) or empty keeps its text and loses
    # the <a>: an <a> with rel but no href is invalid HTML.
    return match.group(0) if LINK_ADDRESS.search(match.group(1)) else match.group(2)


def sanitize_html(html: str) -> str:
    """The body as readers may see it: allowed tags and attributes only, safe links and embeds."""
    cleaned = _cleaner().clean(html)
    cleaned = IFRAME_ELEMENT.sub(_keep_playable_iframe, cleaned)
    cleaned = LINK_ELEMENT.sub(_unwrap_dead_link, cleaned).strip()
    # The editor stores an empty document as one empty paragraph; keep "no body" falsy.
    return "" if cleaned in ("<p></p>", "<p><br></p>") else cleaned


def _editor_config() -> dict:
    return {
        "extensions": {
            "Bold": True,
            "Italic": True,
            "Heading": {"levels": [2, 3, 4]},
            "Link": {"enableTarget": False, "protocols": sorted(LINK_SCHEMES)},
            "BulletList": True,
            "OrderedList": True,
            "ListItem": True,
            "Blockquote": True,
            "HardBreak": True,
            "VideoEmbed": True,
        }
    }


class RichTextWidget(AdminProseEditorWidget):
    """The prose editor plus our "VideoEmbed" node (static/articles/video-embed.js), so the
    editor keeps allowed embeds editable instead of dropping iframes it does not know."""

    def get_config(self):
        config = super().get_config()
        return config | {"js_modules": [*config["js_modules"], static("articles/video-embed.js")]}


class RichTextFormField(ProseEditorFormField):
    """The admin's WYSIWYG editor, cleaning with the same allow-list as the model field."""

    def __init__(self, **kwargs):
        kwargs.setdefault("config", _editor_config())
        kwargs.setdefault("sanitize", sanitize_html)
        kwargs["widget"] = RichTextWidget  # also replaces the admin's plain textarea
        super().__init__(**kwargs)


class SanitizedHTMLField(models.TextField):
    """A TextField that only ever stores `sanitize_html` output, and edits in the prose editor."""

    def pre_save(self, model_instance, add):
        # Clean the instance too, so it matches what was stored (history records it after save).
        value = getattr(model_instance, self.attname)
        if value:
            value = sanitize_html(value)
            setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        # Also reached by update(), bulk_create() and bulk_update(), which skip pre_save().
        value = super().get_prep_value(value)
        return sanitize_html(value) if value else value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": RichTextFormField, **kwargs})
