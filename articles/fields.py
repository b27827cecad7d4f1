from django.db import models
from django.utils import timezone


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
