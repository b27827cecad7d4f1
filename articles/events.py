"""What other apps may listen for (the audit log) without the workflow knowing about them."""

from django.dispatch import Signal

# Sent after a workflow move is saved: publish, schedule, unpublish, submit, send back
# (arguments: article, user, move).
article_moved = Signal()
