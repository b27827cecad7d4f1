import time

import html5lib
import pytest
from django.core import mail

from advertising.forms import sign_issued
from advertising.models import Enquiry
from advertising.services import client_fingerprint
from tests.advertising.helpers import enquiry_data, run_worker

pytestmark = pytest.mark.django_db

REFUSED = "Sorry, we could not accept your enquiry just now."


def _parse(response):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(response.content.decode())


@pytest.mark.django_db(transaction=True)  # the worker reconnects between tasks
def test_valid_enquiry_is_stored_and_both_emails_are_sent_by_the_worker(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ADVERTISING_EMAIL = "ads@newsroom.example"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/advertise/", enquiry_data())

    assert response.status_code == 302
    assert response["Location"] == "/advertise/thanks/"
    enquiry = Enquiry.objects.get()
    assert (enquiry.name, enquiry.organisation, enquiry.status) == (
        "Nimal Perera",
        "Ceylon Tea Company",
        Enquiry.Status.NEW,
    )
    assert str(enquiry.phone) == "+94112345678"
    assert mail.outbox == []  # nothing is sent in the request

    run_worker()

    to_sales, confirmation = mail.outbox
    assert to_sales.to == ["ads@newsroom.example"]
    assert to_sales.reply_to == ["nimal@ceylontea.example"]
    assert to_sales.subject == "Advertising enquiry from Nimal Perera (Ceylon Tea Company)"
    assert "pre-roll campaign" in to_sales.body and "Video channel" in to_sales.body
    assert confirmation.to == ["nimal@ceylontea.example"]
    assert "We have received your enquiry" in confirmation.body
    assert "pre-roll" not in confirmation.body  # never relays the sender's text
    enquiry.refresh_from_db()
    assert enquiry.notified and enquiry.notification_attempts == 1


def test_thanks_page_says_what_happens_next(client):
    response = client.get("/advertise/thanks/")
    assert "Someone from our sales team replies within two working days." in response.text
    assert len(_parse(response).findall(".//h1")) == 1


def test_form_and_thanks_pages_are_valid_html5_and_never_cached(client):
    for response in [
        client.get("/advertise/"),
        client.post("/advertise/", enquiry_data(name="", email="bad")),
        client.get("/advertise/thanks/"),
    ]:
        document = _parse(response)
        assert document.get("lang") == "en"
        assert len(document.findall(".//h1")) == 1
        assert "no-cache" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        for field in document.findall(".//input") + document.findall(".//textarea"):
            if field.get("type") not in ("hidden", "submit"):
                assert document.find(f".//label[@for='{field.get('id')}']") is not None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Please tell us your name."),
        ("organisation", "", "Please tell us which organisation you represent."),
        ("email", "", "Please give an e-mail address so we can reply."),
        ("email", "nimal@", "Please enter a valid e-mail address, like name@example.com."),
        ("phone", "12", "Please enter a valid phone number, like +94 11 234 5678."),
        ("interest", "", "Please choose what you are interested in."),
        ("interest", "billboards", "Please choose one of the options in the list."),
        ("budget", "millions", "Please choose one of the options in the list."),
        ("preferred_start", "2001-01-01", "Please choose a date from today onwards."),
        ("preferred_start", "next week", "Please choose a date from the calendar."),
        ("message", "", "Please tell us a little about what you have in mind."),
        ("name", "x" * 101, "Please shorten this to 100 characters or fewer."),
        ("organisation", "x" * 151, "Please shorten this to 150 characters or fewer."),
        ("message", "x" * 3001, "Please shorten this to 3000 characters or fewer."),
        ("name", "Nimal\r\nBcc: victim@example.com", "Please use a single line"),
        ("organisation", "Tea\nCo", "Please use a single line"),
    ],
)
def test_each_field_explains_what_is_wrong_keeps_the_input_and_stores_nothing(
    client, field, value, message
):
    data = enquiry_data(**{field: value})
    response = client.post("/advertise/", data)

    assert response.status_code == 400
    assert message in response.text
    document = _parse(response)
    widget = document.find(f".//*[@name='{field}']")
    assert widget.get("aria-invalid") == "true"
    assert f"id_{field}_error" in widget.get("aria-describedby")
    # What the person typed elsewhere is still there.
    kept = "message" if field != "message" else "organisation"
    assert data[kept] in response.text
    assert not Enquiry.objects.exists()


def test_phone_numbers_in_international_and_local_formats_are_accepted(client):
    client.post("/advertise/", enquiry_data(phone="+44 20 7946 0958"))
    client.post("/advertise/", enquiry_data(phone="011 234 5678"))  # default region LK
    assert sorted(str(e.phone) for e in Enquiry.objects.all()) == ["+442079460958", "+94112345678"]


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"website": "http://spam.example"}, id="honeypot filled"),
        pytest.param({"issued": lambda: sign_issued(time.time() - 1)}, id="too fast"),
        pytest.param({"issued": "1000000000.000:forged"}, id="forged start time"),
        pytest.param({"issued": ""}, id="no start time"),
    ],
)
def test_automated_looking_submission_is_refused_with_a_generic_message(client, changes):
    changes = {key: value() if callable(value) else value for key, value in changes.items()}
    response = client.post("/advertise/", enquiry_data(**changes))

    assert response.status_code == 400
    assert REFUSED in response.text
    assert "honeypot" not in response.text.lower() and "too fast" not in response.text.lower()
    assert not Enquiry.objects.exists()


def test_a_form_open_for_more_than_a_day_is_reissued_with_the_input_kept(client):
    stale = sign_issued(time.time() - 2 * 24 * 60 * 60)
    response = client.post("/advertise/", enquiry_data(issued=stale))

    assert "This form was open for a long time" in response.text
    assert "pre-roll campaign" in response.text
    assert stale not in response.text
    assert not Enquiry.objects.exists()


def test_an_address_over_the_rate_limit_is_refused_and_nothing_is_stored(client, settings):
    settings.ENQUIRY_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post("/advertise/", enquiry_data()).status_code == 302

    response = client.post("/advertise/", enquiry_data())

    assert response.status_code == 400
    assert REFUSED in response.text
    assert Enquiry.objects.count() == 2
    # Another address is not affected.
    assert client.post("/advertise/", enquiry_data(), REMOTE_ADDR="192.0.2.9").status_code == 302


def test_forwarded_address_counts_only_behind_a_trusted_proxy(client, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    settings.TRUSTED_PROXIES = ["10.0.0.2"]

    # Through our proxy: each client has its own allowance.
    for client_ip in ["198.51.100.1", "198.51.100.2"]:
        response = client.post(
            "/advertise/",
            enquiry_data(),
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"203.0.113.66, {client_ip}",
        )
        assert response.status_code == 302
    assert set(Enquiry.objects.values_list("client_hash", flat=True)) == {
        client_fingerprint("198.51.100.1"),
        client_fingerprint("198.51.100.2"),
    }

    # Straight from the internet, a forged header does not buy a new allowance.
    for forged in ["198.51.100.3", "198.51.100.4"]:
        response = client.post(
            "/advertise/", enquiry_data(), REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=forged
        )
    assert response.status_code == 400
    assert Enquiry.objects.filter(client_hash=client_fingerprint("203.0.113.7")).count() == 1


def test_the_senders_address_is_stored_only_as_a_keyed_hash(client, settings):
    client.post("/advertise/", enquiry_data(), REMOTE_ADDR="198.51.100.77")
    enquiry = Enquiry.objects.get()

    assert "198.51.100.77" not in str(Enquiry.objects.values().get())
    assert enquiry.client_hash == client_fingerprint("198.51.100.77")
    settings.SECRET_KEY = "another-key"
    assert client_fingerprint("198.51.100.77") != enquiry.client_hash  # keyed, not a bare hash


def test_every_page_links_to_the_enquiry_form(client):
    response = client.get("/")
    document = _parse(response)
    footer_links = [a.get("href") for a in document.findall(".//footer//a")]
    assert footer_links.count("/advertise/") == 2  # in the advertising block and the footer menu
    assert "mailto:advertising@example.com" in footer_links
