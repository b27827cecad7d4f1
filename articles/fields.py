from django import forms
from django.db import models
from django.utils import timezone

from editions.slugs import validate_slug


class AddressDateField(models.DateField):
    """The date in an article's address: the site-local date of its publish time, following a
    scheduled time until it passes and fixed from then on, so a later change of time zone or of
    `published_at` never moves a live address.

    Set in `pre_save`, which `save()` and `bulk_create()` both call: however an article is
    written (admin, service, import, script), its address is consistent.
    """

    def pre_save(self, instance, add):
        published_at, day = instance.published_at, getattr(instance, self.attname)
        if published_at is not None and (day is None or published_at > timezone.now()):
            day = timezone.localdate(published_at)
            setattr(instance, self.attname, day)
        return day


class ArticleSlugField(models.SlugField):
    """A slug in any edition's script (editions.slugs), where Django's validators accept only
    ASCII, or Unicode letters without their vowel signs. The script is checked against the
    edition by Article.clean()."""

    default_validators = [validate_slug]

    def formfield(self, **kwargs):
        return models.CharField.formfield(self, **{"form_class": forms.CharField, **kwargs})

    def deconstruct(self):
        # Stored and migrated as a plain SlugField: only validation differs.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.SlugField", args, kwargs
