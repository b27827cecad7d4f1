import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from images.fields import CheckedImageField, SquareIconField
from images.media import media_url

from . import video
from .fields import ColourField, ProfileURLField
from .validators import HEX_COLOUR

# Favicon (32), Apple touch icon (180), the web app manifest's icons (192, 512).
ICON_SIZES = (32, 180, 192, 512)
SOCIAL_NETWORKS = {
    # field: (label, the network's hosts)
    "facebook_url": ("Facebook", ("facebook.com",)),
    "youtube_url": ("YouTube", ("youtube.com",)),
    "x_url": ("X", ("x.com", "twitter.com")),
    "instagram_url": ("Instagram", ("instagram.com",)),
    "tiktok_url": ("TikTok", ("tiktok.com",)),
    "whatsapp_url": ("WhatsApp", ("whatsapp.com",)),
}
DEFAULT_COLOURS = {"primary": "#c8102e", "secondary": "#a00c24", "highlight": "#ffd400"}


def _social(field):
    label, hosts = SOCIAL_NETWORKS[field]
    return ProfileURLField(label, blank=True, network=label, hosts=hosts)


class SiteSettings(models.Model):
    """The station's brand, one row for the whole site: logo, icons, colours, social profiles,
    the advertising address, the footer's lines and the home page's video.

    What operators own (the site's name, hosts, the mail server) stays in the environment.
    """

    SINGLETON = 1

    logo = CheckedImageField(
        _("logo"),
        upload_to="brand/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
        min_width=96,
        min_height=48,
        help_text=_("PNG, JPEG or WebP, at least 96 × 48 pixels; shown in the header."),  # noqa: RUF001
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    icon = SquareIconField(
        _("icon"),
        upload_to="brand/",
        blank=True,
        min_width=512,
        min_height=512,
        sizes=ICON_SIZES,
        squares_field="icons",
        help_text=_(
            "A square PNG, at least 512 × 512 pixels: the browser tab's icon and the home "  # noqa: RUF001
            "screen's are made from it."
        ),
    )
    icons = models.JSONField(default=dict, blank=True, editable=False)
    primary_colour = ColourField(
        _("header colour"),
        default=DEFAULT_COLOURS["primary"],
        behind_white_text=True,
        help_text=_("Behind the header's white text, and for links and rules: #rrggbb."),
    )
    secondary_colour = ColourField(
        _("section bar colour"),
        default=DEFAULT_COLOURS["secondary"],
        behind_white_text=True,
        help_text=_("Behind the sections' menu (white text): #rrggbb."),
    )
    highlight_colour = ColourField(
        _("highlight colour"),
        default=DEFAULT_COLOURS["highlight"],
        help_text=_("The BREAKING label, on black: #rrggbb."),
    )
    facebook_url = _social("facebook_url")
    youtube_url = _social("youtube_url")
    x_url = _social("x_url")
    instagram_url = _social("instagram_url")
    tiktok_url = _social("tiktok_url")
    whatsapp_url = _social("whatsapp_url")
    advertising_email = models.EmailField(
        _("advertising e-mail"),
        blank=True,
        help_text=_(
            "Shown on every page and sent each new enquiry. Empty: the address the server was "
            "configured with (ADVERTISING_EMAIL)."
        ),
    )
    footer_lines = models.TextField(
        _("footer lines"),
        blank=True,
        help_text=_("One line of the footer per line (address, telephone, licence)."),
    )
    video_provider = models.CharField(
        _("video provider"),
        max_length=20,
        blank=True,
        choices=[(code, provider.label) for code, provider in video.PROVIDERS.items()],
    )
    video_id = models.CharField(_("video id"), max_length=40, blank=True)
    video_title = models.CharField(
        _("video title"),
        max_length=120,
        blank=True,
        help_text=_("Shown above the video on the home page, and its name for screen readers."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
        permissions = [("choose_home_video", _("Can choose the home page's video"))]

    def __str__(self):
        return str(_("Site settings"))

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> "SiteSettings":
        """The row, or (before anyone saved it) the defaults, unsaved."""
        return cls.objects.filter(pk=cls.SINGLETON).first() or cls(pk=cls.SINGLETON)

    # What reader pages show.

    @property
    def contact_email(self) -> str:
        return self.advertising_email or settings.ADVERTISING_EMAIL

    def social_links(self) -> list[tuple[str, str]]:
        """(network, address) of each profile set, in the table's order."""
        return [
            (label, getattr(self, field))
            for field, (label, _hosts) in SOCIAL_NETWORKS.items()
            if getattr(self, field)
        ]

    def footer_line_list(self) -> list[str]:
        return [line.strip() for line in self.footer_lines.splitlines() if line.strip()]

    def logo_url(self) -> str:
        return media_url(self.logo.storage, self.logo.name) if self.logo else ""

    def icon_url(self, size: int) -> str:
        name = (self.icons or {}).get(str(size))
        return media_url(self.icon.storage, name) if name else ""

    def video_player_url(self) -> str:
        if not (self.video_provider and self.video_id):
            return ""
        return video.player_url(self.video_provider, self.video_id)

    def video_watch_url(self) -> str:
        if not (self.video_provider and self.video_id):
            return ""
        return video.watch_url(self.video_provider, self.video_id)

    def stylesheet(self) -> str:
        """The colours as CSS custom properties (static/css/site.css uses them). A value that
        is not #rrggbb (saved by a script without the form's checks) gives way to the default:
        nothing but a colour is ever written into the stylesheet."""
        colours = {
            name: value if HEX_COLOUR.fullmatch(value or "") else DEFAULT_COLOURS[name]
            for name, value in (
                ("primary", self.primary_colour),
                ("secondary", self.secondary_colour),
                ("highlight", self.highlight_colour),
            )
        }
        return (
            ":root {"
            f" --accent: {colours['primary']};"
            f" --accent-dark: {colours['secondary']};"
            f" --highlight: {colours['highlight']};"
            " }\n"
        )

    def stylesheet_hash(self) -> str:
        return hashlib.sha256(self.stylesheet().encode()).hexdigest()[:16]
