"""Slugs that keep words of every edition's script intact.

Django's `slugify` drops Sinhala and Tamil altogether, and with `allow_unicode=True` keeps only
letters and digits, so vowel signs, the virama and the zero-width joiners that spell a word go
("ශ්‍රී ලංකා" becomes "ශර-ලක"). Here a slug keeps every letter, combining mark (vowel signs,
virama, anusvara), digit and ZWJ/ZWNJ, lower-cased, in NFC, with runs of anything else turned
into one hyphen. An edition written in Latin script keeps Django's ASCII slugs.

One definition serves the slug made from a headline, the model field's validator, the URL
converter and the old-address redirects, so they always agree.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.text import slugify as ascii_slugify
from django.utils.translation import gettext_lazy as _

from . import registry

JOINERS = frozenset("\u200c\u200d")  # ZWNJ, ZWJ: part of how Sinhala and Tamil words are spelled
HYPHENS = re.compile(r"-{2,}")
# The Unicode character names' first word for the scripts editions are written in (ISO 15924).
SCRIPT_NAMES = {"Latn": "LATIN", "Sinh": "SINHALA", "Taml": "TAMIL"}


def _kept(character: str) -> bool:
    return character in JOINERS or unicodedata.category(character)[0] in "LMN"


def slugify(text: str, *, language: str) -> str:
    """The slug of `text` (a headline) in the edition of `language`."""
    if registry.get(language).script == "Latn":
        return ascii_slugify(text)
    text = unicodedata.normalize("NFC", str(text)).lower()
    slug = "".join(character if _kept(character) else "-" for character in text)
    # A joiner next to a hyphen joins nothing.
    words = (word.strip("\u200c\u200d") for word in HYPHENS.sub("-", slug).split("-"))
    return "-".join(word for word in words if word)


def is_valid(slug: str) -> bool:
    """Made of what slugs keep: letters, marks, digits, joiners, hyphens and underscores."""
    return bool(slug) and all(_kept(character) or character in "-_" for character in slug)


def foreign_script(slug: str, language: str) -> str | None:
    """The name of a script in `slug` other than the edition's own and Latin, if any."""
    own = SCRIPT_NAMES.get(registry.get(language).script)
    if own is None:
        return None
    for character in slug:
        if unicodedata.category(character)[0] != "L":
            continue
        name = unicodedata.name(character, "").split(" ", 1)[0]
        if name not in (own, "LATIN"):
            return name.title()
    return None


def validate_slug(value: str) -> None:
    """The model field's validator: only characters a slug keeps."""
    if not is_valid(value):
        raise ValidationError(
            _(
                "Use only letters (with their vowel signs), digits, hyphens and underscores "
                "in the slug: no spaces or punctuation."
            ),
            code="invalid",
        )


def validate_script(value: str, language: str) -> None:
    """Refuses a slug with letters of a script the edition is not written in."""
    script = foreign_script(value, language)
    if script:
        raise ValidationError(
            _("This slug has %(script)s letters; write it in the edition's own script or in Latin.")
            % {"script": script},
            code="script",
        )


class SlugConverter:
    """An article's slug in an address, in any edition's script (not Django's ASCII `slug`)."""

    regex = r"[^/]+"

    def to_python(self, value: str) -> str:
        value = unicodedata.normalize("NFC", value)
        if not is_valid(value):
            raise ValueError("not a slug")
        return value

    def to_url(self, value: str) -> str:
        return value
