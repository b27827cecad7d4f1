import datetime

import pytest
from django.utils import timezone, translation

from datelines import dateline, iso

UTC = datetime.UTC


@pytest.mark.parametrize(
    ("moment", "shown", "expected_iso"),
    [
        (
            datetime.datetime(2022, 1, 10, 10, 36, tzinfo=UTC),
            "10 Jan, 2022 | 4:06 pm",
            "2022-01-10T16:06:00+05:30",
        ),
        (
            datetime.datetime(2022, 3, 4, 3, 5, tzinfo=UTC),
            "4 Mar, 2022 | 8:35 am",
            "2022-03-04T08:35:00+05:30",
        ),
        (
            datetime.datetime(2022, 3, 3, 18, 30, tzinfo=UTC),
            "4 Mar, 2022 | 12:00 am",
            "2022-03-04T00:00:00+05:30",
        ),
        (
            datetime.datetime(2022, 3, 4, 6, 30, 15, 123456, tzinfo=UTC),
            "4 Mar, 2022 | 12:00 pm",
            "2022-03-04T12:00:15+05:30",
        ),
    ],
)
def test_time_is_shown_in_colombo_with_lowercase_am_pm(moment, shown, expected_iso):
    assert dateline(moment) == shown
    assert iso(moment) == expected_iso


def test_time_follows_the_time_zone_setting(settings):
    settings.TIME_ZONE = "Europe/London"
    moment = datetime.datetime(2022, 7, 1, 15, 6, tzinfo=UTC)
    with timezone.override("Europe/London"):
        assert dateline(moment) == "1 Jul, 2022 | 4:06 pm"
        assert iso(moment) == "2022-07-01T16:06:00+01:00"


def test_no_time_is_written_as_nothing():
    assert dateline(None) == iso(None) == ""


@pytest.mark.parametrize(
    ("language", "moment", "shown"),
    [
        ("en", datetime.datetime(2022, 1, 10, 10, 36, tzinfo=UTC), "10 Jan, 2022 | 4:06 pm"),
        # CLDR's Sinhala month (Duruthu) and am/pm mark, before the time as Sinhala writes it.
        ("si", datetime.datetime(2022, 1, 10, 10, 36, tzinfo=UTC), "10 දුරුතු, 2022 | ප.ව. 4:06"),
        ("si", datetime.datetime(2022, 3, 4, 3, 5, tzinfo=UTC), "4 මැදින්, 2022 | පෙ.ව. 8:35"),
        # CLDR's Tamil short month and day period: evening (மாலை), morning (காலை).
        ("ta", datetime.datetime(2022, 1, 10, 10, 36, tzinfo=UTC), "10 ஜன., 2022 | மாலை 4:06"),
        ("ta", datetime.datetime(2022, 12, 4, 3, 5, tzinfo=UTC), "4 டிச., 2022 | காலை 8:35"),
    ],
)
def test_time_is_written_in_the_active_language_from_cldr(language, moment, shown):
    with translation.override(language):
        assert dateline(moment) == shown
        assert iso(moment) == iso(moment.astimezone(datetime.UTC))
