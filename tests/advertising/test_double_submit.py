"""The same form sent twice — a double click, a reload that re-posts — stores one enquiry."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, transaction
from django.test import Client
from django_tasks_db.models import DBTaskResult

from advertising.models import Enquiry
from tests.advertising.helpers import enquiry_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sent_at_once(settings):
    settings.ENQUIRY_MIN_FILL_SECONDS = 0  # these forms are sent as soon as they are served


def _filled_in_form(page: str, **changes) -> dict:
    """The data a browser sends for the form on `page`, with its hidden fields."""
    hidden = dict(re.findall(r'name="(csrfmiddlewaretoken|issued)" value="([^"]+)"', page))
    return enquiry_data(**hidden, **changes)


def test_the_same_form_sent_twice_stores_one_enquiry_and_thanks_both_times(client):
    form = _filled_in_form(client.get("/advertise/").text)

    first = client.post("/advertise/", form)
    second = client.post("/advertise/", form)

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == "/advertise/thanks/"
    assert client.get(second["Location"]).text.count("Thank you for your enquiry") == 1
    assert Enquiry.objects.count() == 1
    assert DBTaskResult.objects.count() == 1  # and its e-mails are sent once


def test_a_resent_form_does_not_count_against_the_rate_limit(client, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    form = _filled_in_form(client.get("/advertise/").text)

    assert client.post("/advertise/", form).status_code == 302
    assert client.post("/advertise/", form).status_code == 302
    # A second, new enquiry is over the limit of one.
    another = _filled_in_form(client.get("/advertise/").text, name="Second Thoughts")
    assert client.post("/advertise/", another).status_code == 400
    assert list(Enquiry.objects.values_list("name", flat=True)) == ["Nimal Perera"]


def test_each_form_served_is_a_new_enquiry(client):
    for name in ["First Campaign", "Second Campaign"]:
        form = _filled_in_form(client.get("/advertise/").text, name=name)
        assert client.post("/advertise/", form).status_code == 302

    assert sorted(Enquiry.objects.values_list("name", flat=True)) == [
        "First Campaign",
        "Second Campaign",
    ]


def test_a_form_sent_again_with_changes_is_a_second_enquiry(client):
    # Back, change a word, send again: what the person meant now is not thrown away.
    form = _filled_in_form(client.get("/advertise/").text)
    changed = {**form, "message": "Make that April, please."}

    for data in [form, changed, changed]:
        assert client.post("/advertise/", data).status_code == 302

    assert sorted(Enquiry.objects.values_list("message", flat=True)) == [
        "Make that April, please.",
        form["message"],
    ]


def test_a_form_corrected_after_an_error_is_stored_once(client):
    form = _filled_in_form(client.get("/advertise/").text, email="nimal@")
    corrected = _filled_in_form(client.post("/advertise/", form).text)

    assert client.post("/advertise/", corrected).status_code == 302
    assert client.post("/advertise/", corrected).status_code == 302
    assert Enquiry.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_same_form_sent_by_two_requests_at_once_stores_one_enquiry(client):
    form = _filled_in_form(client.get("/advertise/").text)
    first_stored, first_may_commit = threading.Event(), threading.Event()

    def first_request():
        try:
            # Holds its transaction open after storing, as a request does while it finishes.
            with transaction.atomic():
                response = Client().post("/advertise/", form)
                first_stored.set()
                first_may_commit.wait(timeout=10)
            return response
        finally:
            connection.close()

    def second_request():
        first_stored.wait(timeout=10)
        try:
            return Client().post("/advertise/", form)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.submit(first_request), pool.submit(second_request)
        first_stored.wait(timeout=10)
        # The second cannot see the first's enquiry yet: it waits on the unique token...
        with pytest.raises(TimeoutError):
            second.result(timeout=1)
        first_may_commit.set()
        # ...and once the first commits, it finds that enquiry and thanks the sender too.
        responses = [first.result(timeout=10), second.result(timeout=10)]

    assert [r["Location"] for r in responses] == ["/advertise/thanks/"] * 2
    assert Enquiry.objects.count() == 1
    assert DBTaskResult.objects.count() == 1
