from django.db import models
from django.urls import get_script_prefix
from django.utils.translation import gettext_lazy as _


class Page(models.Model):
    """A fixed page of the site (About, Contact, Privacy, Terms), edited in the admin."""

    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(_("address"), max_length=60, unique=True)
    body = models.TextField(_("body"))
    footer_position = models.PositiveSmallIntegerField(_("footer position"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["footer_position", "title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        # Built by hand like Article's and Category's: every page's footer links here.
        return f"{get_script_prefix()}{self.slug}/"
