"""How times are written: for readers ("10 Jan, 2022 | 4:06 pm", the station's format) and for
machines (ISO 8601 with the offset and no microseconds, for <time datetime>, feeds' neighbours
and structured data). Every template filter and structured-data builder goes through here.
"""

import datetime

from django.utils import timezone

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value)


def iso(value: datetime.datetime | None) -> str:
    """'2022-01-10T16:06:00+05:30' in the site time zone; '' for no time."""
    return local(value).isoformat(timespec="seconds") if value else ""


def dateline(value: datetime.datetime | None) -> str:
    """'10 Jan, 2022 | 4:06 pm' in the site time zone (Django's 'a' format gives 'p.m.')."""
    if not value:
        return ""
    moment = local(value)
    hour = moment.hour % 12 or 12
    meridiem = "am" if moment.hour < 12 else "pm"
    return f"{moment.day} {MONTHS[moment.month - 1]}, {moment.year} | {hour}:{moment:%M} {meridiem}"
