from django.core.cache import cache
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Page(models.Model):
    """A fixed page of the site (About, Contact, Privacy, Terms), edited in the admin."""

    FOOTER_CACHE_KEY = "pages:footer-links"

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
        return reverse("pages:detail", kwargs={"slug": self.slug})

    @classmethod
    def footer_links(cls):
        """The footer's page links, cached: every page shows them (cleared by pages.signals)."""
        return cache.get_or_set(
            cls.FOOTER_CACHE_KEY, lambda: list(cls.objects.only("title", "slug")), 3600
        )
