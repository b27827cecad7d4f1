"""Checks of the site settings' values, outside models.py so that migrations refer to them
without importing the models."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
# WCAG 2 AA for normal text: the header's and the section bar's white text must stay readable.
MIN_CONTRAST = 4.5


def validate_colour(value: str) -> None:
    if not HEX_COLOUR.fullmatch(value or ""):
        raise ValidationError(
            _("Enter a colour as # and six hexadecimal digits, such as #c8102e."),
            code="colour",
        )


def _luminance(colour: str) -> float:
    """Relative luminance of a #rrggbb colour (WCAG 2)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_behind_white_text(value: str) -> None:
    """A background the site prints white text on: a valid colour, dark enough to read it."""
    validate_colour(value)
    if contrast(value, "#ffffff") < MIN_CONTRAST:
        raise ValidationError(
            _(
                "White text on %(colour)s would be hard to read (contrast %(ratio).1f:1; "
                "at least 4.5:1 is needed). Choose a darker colour."
            ),
            code="contrast",
            params={"colour": value, "ratio": contrast(value, "#ffffff")},
        )


@deconstructible
class ProfileURLValidator:
    """An https address on one of the network's own hosts: a profile link that points anywhere
    else (a typo, a look-alike host) is refused rather than published in every page's footer."""

    def __init__(self, network: str, hosts: tuple[str, ...]):
        self.network, self.hosts = network, tuple(hosts)

    def __call__(self, value: str) -> None:
        URLValidator(schemes=["https"])(value)
        host = (urlsplit(value).hostname or "").removeprefix("www.").removeprefix("m.")
        if host not in self.hosts or urlsplit(value).path in ("", "/"):
            raise ValidationError(
                _("Enter the https address of the station's %(network)s page (%(hosts)s)."),
                code="profile",
                params={"network": self.network, "hosts": ", ".join(self.hosts)},
            )

    def __eq__(self, other):
        return isinstance(other, ProfileURLValidator) and vars(self) == vars(other)
