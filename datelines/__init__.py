"""How times are written: for readers ("10 Jan, 2022 | 4:06 pm", the station's format, in the
active language) and for machines (ISO 8601 with the offset and no microseconds, for <time
datetime>, feeds' neighbours and structured data). Every template filter and structured-data
builder goes through here.

Month names and day periods come from CLDR through Babel, never from tables of our own: the
station's pattern (day, short month, year | time) is the same in every edition, each language's
12-hour time is its CLDR one.
"""

import datetime
import functools

from babel import Locale, UnknownLocaleError
from babel.dates import parse_pattern
from django.conf import settings
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

DATE_PATTERN = "d MMM, y"
# CLDR's 12-hour times: English puts am/pm after (lowercased below: the station writes "pm"),
# Sinhala before ("ප.ව. 4:06"); Tamil's CLDR am/pm marks are in Latin letters, so Tamil uses
# its day periods ("மாலை 4:06", evening), as Tamil papers do. Other languages: their CLDR "hm".
TIME_PATTERNS = {"en": "h:mm a", "si": "a h:mm", "ta": "B h:mm"}
LOWERCASE_TIMES = {"en"}


def local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value)


def iso(value: datetime.datetime | None) -> str:
    """'2022-01-10T16:06:00+05:30' in the site time zone; '' for no time."""
    return local(value).isoformat(timespec="seconds") if value else ""


def dateline(value: datetime.datetime | None) -> str:
    """'10 Jan, 2022 | 4:06 pm' in the site time zone and the active language: '10 දුරුතු, 2022
    | ප.ව. 4:06' in Sinhala, '10 ஜன., 2022 | மாலை 4:06' in Tamil."""
    return _text(local(value), _language()) if value else ""


def time_element(value: datetime.datetime | None) -> SafeString:
    """'<time datetime="2022-01-10T16:06:00+05:30">10 Jan, 2022 | 4:06 pm</time>', or ''."""
    if not value:
        return SafeString("")
    return _time_element(value, timezone.get_current_timezone(), _language())


def _language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def _text(moment: datetime.datetime, language: str) -> str:
    return (
        f"{_date(language, moment.year, moment.month, moment.day)} | "
        f"{_time(language, moment.hour, moment.minute)}"
    )


# List pages write twenty to ninety times a page: each element, day and minute is formatted once
# per time zone, language and process, then remembered (a few thousand short strings at most).
@functools.lru_cache(maxsize=4096)
def _time_element(value: datetime.datetime, zone, language: str) -> SafeString:
    moment = timezone.localtime(value, zone)
    # Digits, CLDR month and day-period names, punctuation: nothing to escape.
    return mark_safe(f'<time datetime="{iso(moment)}">{_text(moment, language)}</time>')


@functools.lru_cache(maxsize=4096)
def _date(language: str, year: int, month: int, day: int) -> str:
    return _pattern(language, date=True).apply(datetime.date(year, month, day), _locale(language))


@functools.lru_cache(maxsize=4 * 24 * 60)
def _time(language: str, hour: int, minute: int) -> str:
    locale = _locale(language)
    text = _pattern(language, date=False).apply(datetime.time(hour, minute), locale)
    return text.lower() if locale.language in LOWERCASE_TIMES else text


@functools.cache
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(translation.to_locale(language))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(translation.to_locale(settings.LANGUAGE_CODE))


@functools.cache
def _pattern(language: str, *, date: bool):
    if date:
        return parse_pattern(DATE_PATTERN)
    locale = _locale(language)
    pattern = TIME_PATTERNS.get(locale.language) or locale.datetime_skeletons["hm"].pattern
    return parse_pattern(pattern)
