from django import template

from articles.changelist import status_badge
from articles.dashboard import desk_panels

register = template.Library()
register.filter("status_badge", status_badge)


@register.inclusion_tag("admin/articles/dashboard/panels.html", takes_context=True)
def desk_dashboard(context):
    """The desk's panels for the signed-in user (none for those who do not work on articles)."""
    return {"panels": desk_panels(context["request"].user)}
