import datetime

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advertising.models import Enquiry

register = template.Library()


@register.inclusion_tag("admin/advertising/includes/email_alert.html", takes_context=True)
def enquiry_email_alert(context):
    """For those who work enquiries: how many wait for a re-send because their e-mails failed."""
    request = context["request"]
    if not request.user.has_perm("advertising.change_enquiry"):
        return {"count": 0}
    return {
        "count": Enquiry.objects.notification_failed().count(),
        "url": reverse("admin:advertising_enquiry_changelist") + "?emailed=failed",
    }


# A new enquiry unanswered this long is overdue on the sales dashboard.
OVERDUE_AFTER = datetime.timedelta(days=2)
PANEL_SIZE = 6


@register.inclusion_tag("admin/advertising/includes/dashboard.html", takes_context=True)
def enquiry_dashboard(context):
    """For those who work enquiries: the newest new ones, and the new ones waiting too long."""
    if not context["request"].user.has_perm("advertising.change_enquiry"):
        return {"panels": []}
    new = Enquiry.objects.filter(status=Enquiry.Status.NEW).only(
        "name", "organisation", "received_at", "interest"
    )
    overdue = new.filter(received_at__lt=timezone.now() - OVERDUE_AFTER).order_by("received_at")
    return {
        "panels": [
            ("new", _("New enquiries"), list(new.order_by("-received_at")[:PANEL_SIZE])),
            ("overdue", _("Overdue: new for more than two days"), list(overdue[:PANEL_SIZE])),
        ]
    }
