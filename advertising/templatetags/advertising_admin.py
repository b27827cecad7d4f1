from django import template
from django.urls import reverse

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
