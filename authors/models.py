from django.conf import settings
from django.db import models
from django.urls import get_script_prefix
from django.utils.translation import gettext_lazy as _

from images.fields import PortraitField
from images.media import media_url


class Author(models.Model):
    """A person credited on articles: staff with a login, or an agency or guest writer."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    bio = models.TextField(_("bio"), blank=True)
    photo = PortraitField(
        _("photo"),
        upload_to="authors/%Y/",
        blank=True,
        min_width=200,
        min_height=200,
        renditions_field="photo_renditions",
    )
    # Square WebP renditions' names and sizes, written when the photo is saved:
    #   {"srcset": [{"name": str, "width": int, "height": int}, ...], "crops": {}}
    photo_renditions = models.JSONField(default=dict, blank=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
        help_text=_("Leave empty for agency and guest writers."),
    )
    email = models.EmailField(_("public e-mail"), blank=True)
    social_handle = models.CharField(
        _("social handle"), max_length=60, blank=True, help_text=_("For example @asma_news")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # Built by hand: bylines on list pages call this for every author.
        return f"{get_script_prefix()}author/{self.slug}/"

    @property
    def photo_widths(self) -> list[dict]:
        """[{'url', 'width', 'height'}, …] narrowest first: the photo's square renditions."""
        storage = self.photo.storage
        return [
            {
                "url": media_url(storage, item["name"]),
                "width": item["width"],
                "height": item["height"],
            }
            for item in self.photo_renditions.get("srcset", [])
        ]

    @property
    def photo_srcset(self) -> str:
        """'url 120w, url 240w, …' for <img srcset>, or '' before renditions exist."""
        return ", ".join(f"{item['url']} {item['width']}w" for item in self.photo_widths)
