from django.db import models


class DeferredBump(models.Model):
    """A content change the shared cache has not heard of: saved while the cache could not be
    reached, and made (the generation bumped, the row deleted) as soon as it answers again."""

    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Deferred bump of {self.created_at:%Y-%m-%d %H:%M:%S}"
