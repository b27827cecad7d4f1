from django.conf import settings
from django.db import models
from django.utils import timezone


class PurgeQuerySet(models.QuerySet):
    def pending(self):
        """Purges the edge has not yet confirmed."""
        return self.filter(sent_at__isnull=True)

    def due(self):
        """Purges to send now."""
        return self.pending().filter(due_at__lte=timezone.now())


class Purge(models.Model):
    """One purge the edge must receive (tags, addresses or everything), kept until it has: a
    failed purge is retried, never dropped."""

    tags = models.JSONField(default=list, blank=True)
    urls = models.JSONField("addresses", default=list, blank=True)
    everything = models.BooleanField(default=False)
    requested_at = models.DateTimeField(auto_now_add=True)
    due_at = models.DateTimeField(default=timezone.now)
    # Sent again a little later: a page rendered from the rows before the change, while the
    # first purge was on its way, would otherwise stay at the edge for its whole lifetime.
    repeat = models.BooleanField(default=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = PurgeQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        indexes = [
            # The senders look for the next purge due every few seconds; sent ones pile up.
            models.Index(
                fields=["due_at"],
                condition=models.Q(sent_at__isnull=True),
                name="edge_purge_pending_idx",
            )
        ]

    def __str__(self):
        if self.everything:
            return "Everything"
        return " ".join([*self.urls, *sorted(self.tags)])[:200]
