"""Field types of the site settings, outside models.py so that migrations do not import it."""

from django.db import models


class HttpsURLField(models.URLField):
    """A URL field whose form reads an address typed without a scheme as https://."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})
