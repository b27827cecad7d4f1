"""What saves a sales person clicks: clickable e-mail and phone, a manager's reopening of a
closed enquiry (recorded), notes in the export, phone numbers a spreadsheet keeps as text."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission

from advertising.models import Enquiry, EnquiryNote
from tests.factories import EnquiryFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/advertising/enquiry/"


def _closed(status="won"):
    enquiry = EnquiryFactory(name="Asha Traders", phone="+94771234567")
    for step in ["contacted", "proposal_sent", status]:
        enquiry.move_to(step)
    enquiry.save()
    return enquiry


def _change(client, enquiry, **data):
    form = {
        "owner": "",
        "move_to": "",
        "notes-TOTAL_FORMS": "0",
        "notes-INITIAL_FORMS": "0",
        "notes-MIN_NUM_FORMS": "0",
        "notes-MAX_NUM_FORMS": "1000",
    }
    return client.post(f"{LIST}{enquiry.pk}/change/", form | data)


def test_email_and_phone_are_links(sales_client):
    enquiry = EnquiryFactory(email="asha@example.lk", phone="+94771234567")
    page = sales_client.get(f"{LIST}{enquiry.pk}/change/").content.decode()
    assert '<a href="mailto:asha@example.lk">asha@example.lk</a>' in page
    assert '<a href="tel:+94-77-123-4567">+94 77 123 4567</a>' in page


def test_a_sales_manager_reopens_a_won_enquiry_and_it_is_recorded(sales_client, sales_user):
    sales_user.user_permissions.add(Permission.objects.get(codename="reopen_enquiry"))
    enquiry = _closed("won")
    page = sales_client.get(f"{LIST}{enquiry.pk}/change/").content.decode()
    assert "Reopen (back to proposal sent)" in page

    assert _change(sales_client, enquiry, move_to="reopen").status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.PROPOSAL_SENT and enquiry.closed_at is None
    note = EnquiryNote.objects.get(enquiry=enquiry)
    assert note.author == sales_user and note.text == "Reopened (it was won)."


def test_sales_without_the_managers_permission_cannot_reopen(sales_client):
    enquiry = _closed("lost")
    assert "Reopen" not in sales_client.get(f"{LIST}{enquiry.pk}/change/").content.decode()
    response = _change(sales_client, enquiry, move_to="reopen")
    assert response.status_code == 200  # refused as an invalid choice
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.LOST


def test_the_export_has_the_notes_and_phones_a_spreadsheet_keeps_as_text(sales_client, sales_user):
    enquiry = EnquiryFactory(phone="+94771234567", name="=cmd")
    EnquiryNote.objects.create(enquiry=enquiry, author=sales_user, text="Called; send rates.")
    EnquiryNote.objects.create(enquiry=enquiry, author=sales_user, text="=1+1")
    rows = list(csv.reader(io.StringIO(sales_client.get(f"{LIST}export/").content.decode())))
    header, row = rows[0], rows[1]
    assert header[-1] == "Notes"
    assert row[1] == "'=cmd"  # formulas are still refused
    assert row[4] == "tel:+94-77-123-4567"
    notes = row[-1].splitlines()
    assert notes[0].endswith("sales-person: Called; send rates.")
    assert notes[1].endswith("sales-person: =1+1")  # inside the cell, not at its start
