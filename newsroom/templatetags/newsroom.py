"""Presentation helpers shared by every app's templates."""

from django import template
from django.utils import timezone
from django.utils.html import format_html

register = template.Library()

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@register.filter
def dateline(value):
    """'10 Jan, 2022 | 4:06 pm' in the site time zone (Django's 'a' format gives 'p.m.')."""
    if not value:
        return ""
    local = timezone.localtime(value)
    hour = local.hour % 12 or 12
    meridiem = "am" if local.hour < 12 else "pm"
    return f"{local.day} {MONTHS[local.month - 1]}, {local.year} | {hour}:{local:%M} {meridiem}"


@register.filter
def isotime(value):
    """ISO 8601 with the offset and no microseconds, for <time datetime> and structured data."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


@register.filter
def time_tag(value):
    """<time datetime="…">10 Jan, 2022 | 4:06 pm</time>, converting the time zone once."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return format_html('<time datetime="{}">{}</time>', isotime(local), dateline(local))


@register.filter
def human_join(items):
    """Joins names as 'A', 'A and B', 'A, B and C'."""
    items = [str(item) for item in items]
    if len(items) <= 2:
        return " and ".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
