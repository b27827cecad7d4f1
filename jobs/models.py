from django.db import models


class JobRun(models.Model):
    """One periodic job's claim on one slot of its schedule (jobs.schedule): the unique pair is
    what lets any number of workers schedule, and each slot run once."""

    job = models.CharField(max_length=200)
    slot = models.DateTimeField()
    enqueued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="one_run_per_slot")]

    def __str__(self):
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M}"
