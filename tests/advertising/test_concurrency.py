"""Many people sending the form at once, against a real server and PostgreSQL."""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import caches
from django_tasks_db.models import DBTaskResult

from advertising.models import Enquiry
from advertising.services import client_fingerprint
from tests.advertising.helpers import enquiry_data

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

# Within the server's pool (DATABASE_POOL_MAX_SIZE) and PostgreSQL's max_connections.
CLIENTS = 8


def _send_enquiry(base_url: str, number: int, forwarded_for: str | None = None) -> str:
    """Open the form like a browser (cookie, token, start time), send it; return the final URL."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    with opener.open(urllib.request.Request(f"{base_url}/advertise/", headers=headers)) as form:
        page = form.read().decode()
    fields = dict(re.findall(r'name="(csrfmiddlewaretoken|issued)" value="([^"]+)"', page))
    data = enquiry_data(name=f"Advertiser {number}", email=f"a{number}@example.lk", **fields)
    request = urllib.request.Request(
        f"{base_url}/advertise/", data=urllib.parse.urlencode(data).encode(), headers=headers
    )
    try:
        with opener.open(request) as response:
            return response.url
    except urllib.error.HTTPError as refused:
        return f"refused {refused.code}"


def test_two_hundred_parallel_enquiries_are_all_stored_exactly_once(live_server, settings):
    settings.ENQUIRY_MIN_FILL_SECONDS = 0
    settings.ENQUIRY_RATE_LIMIT = 1000  # every client here comes from 127.0.0.1

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        results = list(pool.map(lambda n: _send_enquiry(live_server.url, n), range(200)))

    assert results == [f"{live_server.url}/advertise/thanks/"] * 200
    names = list(Enquiry.objects.values_list("name", flat=True))
    assert sorted(names) == sorted(f"Advertiser {n}" for n in range(200))
    assert DBTaskResult.objects.count() == 200  # one e-mail job each


@pytest.mark.redis
def test_the_rate_limit_holds_under_parallel_requests_and_is_shared_through_redis(
    live_server, settings
):
    settings.ENQUIRY_MIN_FILL_SECONDS = 0
    settings.ENQUIRY_RATE_LIMIT = 5
    settings.TRUSTED_PROXIES = ["127.0.0.1"]

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        results = list(
            pool.map(lambda n: _send_enquiry(live_server.url, n, "198.51.100.5"), range(20))
        )

    assert results.count(f"{live_server.url}/advertise/thanks/") == 5
    assert results.count("refused 400") == 15
    assert Enquiry.objects.count() == 5
    # Another app server has its own cache client but sees the same count in Redis.
    other_server = caches.create_connection("default")
    key = f"advertising:enquiries:{client_fingerprint('198.51.100.5')}"
    assert other_server.get(key) == 20
    assert "198.51.100.5" not in key
