"""An enquiry is answered in the language the enquirer used the site in: the form, its errors
and the thank-you page, then the confirmation e-mail sent by the worker. Sales read theirs in
the site's language. The edition's address chooses the language."""

import pytest
from django.core import mail
from django.utils import translation

from advertising.models import Enquiry
from tests.advertising.helpers import enquiry_data, run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_tamil_enquiry_gets_its_confirmation_in_tamil_and_sales_get_english(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ta/advertise/", enquiry_data(name="கமலா சிவகுமார்"), follow=True)
    assert "உங்கள் விசாரணைக்கு நன்றி" in response.text  # "Thank you for your enquiry"
    enquiry = Enquiry.objects.get()
    assert enquiry.language == "ta"

    run_worker()  # the worker's own language is the site's default

    to_sales, confirmation = mail.outbox
    assert confirmation.subject == "உங்கள் விளம்பர விசாரணை எமக்குக் கிடைத்துள்ளது"
    assert confirmation.body.startswith("அன்புள்ள கமலா சிவகுமார்,")
    assert "இரண்டு வேலை நாட்களுக்குள்" in confirmation.body  # "within two working days"
    assert to_sales.subject.startswith("Advertising enquiry from கமலா சிவகுமார்")
    assert "A new advertising enquiry has arrived." in to_sales.body
    assert "Interested in: Video channel" in to_sales.body


def test_an_enquiry_from_the_english_site_is_confirmed_in_english(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/advertise/", enquiry_data())
    assert Enquiry.objects.get().language == "en"

    with translation.override("si"):  # whatever the worker's language happens to be
        run_worker()

    _, confirmation = mail.outbox
    assert confirmation.subject == "We have received your advertising enquiry"
    assert confirmation.body.startswith("Dear Nimal Perera,")


@pytest.mark.parametrize(
    ("language", "label", "error"),
    [
        ("si", "ඔබ උනන්දු වන්නේ කුමකටද?", "කරුණාකර ඔබේ නම සඳහන් කරන්න."),
        ("ta", "உங்களுக்கு எதில் ஆர்வம்?", "தயவுசெய்து உங்கள் பெயரைக் குறிப்பிடவும்."),
    ],
)
def test_the_form_its_choices_and_its_errors_are_in_the_edition_language(
    client, language, label, error
):
    response = client.post(f"/{language}/advertise/", enquiry_data(name=""))
    assert response.status_code == 400
    assert label in response.text
    assert error in response.text
    assert "Please" not in response.text
    assert not Enquiry.objects.exists()


def test_sales_see_the_language_to_reply_in(sales_client):
    enquiry = Enquiry.objects.create(
        name="கமலா", organisation="Org", email="k@example.com", interest="video", message="Hi",
        language="ta",
    )  # fmt: skip

    page = sales_client.get(f"/admin/advertising/enquiry/{enquiry.pk}/change/").text

    assert '<div class="readonly">Tamil</div>' in page
