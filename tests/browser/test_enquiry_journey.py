import pytest
from django.contrib.auth.models import Group

from advertising.models import Enquiry, EnquiryNote
from newsroom.roles import SALES
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_corrects_the_enquiry_form_and_sales_work_the_enquiry(live_server, page, settings):
    settings.ENQUIRY_MIN_FILL_SECONDS = 0  # a test types faster than a person

    # A reader finds the form from the footer and sends it with mistakes.
    page.goto(live_server.url + "/")
    page.locator("footer").get_by_role("link", name="Advertise with us").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Advertise with us"
    page.get_by_label("Name").fill("Nimal Perera")
    page.get_by_label("Organisation").fill("Ceylon Tea Company")
    page.get_by_label("E-mail").fill("nimal@")
    page.get_by_label("Message").fill("Pre-roll adverts in March, please.")
    page.get_by_role("button", name="Send enquiry").click()

    assert page.get_by_role("alert").inner_text() == "Please correct the errors below."
    email = page.get_by_label("E-mail")
    assert email.get_attribute("aria-invalid") == "true"
    assert "valid e-mail address" in page.locator("#id_email_error").inner_text()
    assert "choose what you are interested in" in page.locator("#id_interest_error").inner_text()
    assert page.get_by_label("Name").input_value() == "Nimal Perera"
    assert page.get_by_label("Message").input_value() == "Pre-roll adverts in March, please."
    assert not Enquiry.objects.exists()

    # They correct it and are thanked.
    email.fill("nimal@ceylontea.example")
    page.get_by_label("What are you interested in?").select_option(label="Video channel")
    page.get_by_role("button", name="Send enquiry").click()
    assert page.url == live_server.url + "/advertise/thanks/"
    assert page.get_by_role("heading", level=1).inner_text() == "Thank you for your enquiry"
    enquiry = Enquiry.objects.get()

    # A sales person logs in, finds it, takes it on, marks it contacted and notes the call.
    seller = UserFactory(username="dilani")
    seller.groups.add(Group.objects.get(name=SALES))
    page.goto(live_server.url + "/admin/")
    page.get_by_label("Username").fill("dilani")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Enquiries", exact=True).first.click()
    page.locator("#searchbar").fill("Ceylon Tea")
    page.get_by_role("button", name="Search").click()
    page.locator("#result_list tbody tr").first.locator("th a").click()

    page.get_by_label("Owner").select_option(label="dilani")
    page.get_by_label("Move to").select_option(label="Contacted")
    page.locator("textarea[name='notes-0-text']").fill("Called Nimal; sending rates.")
    page.get_by_role("button", name="Save", exact=True).click()

    assert "was changed successfully" in page.locator(".messagelist").inner_text()
    row = page.locator("#result_list tbody tr").first
    assert "Contacted" in row.inner_text() and "dilani" in row.inner_text()
    enquiry.refresh_from_db()
    assert (enquiry.status, enquiry.owner) == (Enquiry.Status.CONTACTED, seller)
    assert EnquiryNote.objects.get().author == seller
