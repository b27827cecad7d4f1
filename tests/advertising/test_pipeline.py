import pytest
from django.core.exceptions import ValidationError

from advertising.models import Enquiry, EnquiryNote
from tests.factories import EnquiryFactory, UserFactory

pytestmark = pytest.mark.django_db


NEW, CONTACTED, PROPOSAL_SENT, WON, LOST, SPAM = Enquiry.Status


def test_an_enquiry_moves_along_the_pipeline_to_won():
    enquiry = EnquiryFactory()
    enquiry.move_to(CONTACTED)
    enquiry.save(update_fields=Enquiry.PIPELINE_FIELDS)
    enquiry.move_to(PROPOSAL_SENT)
    enquiry.save(update_fields=Enquiry.PIPELINE_FIELDS)
    assert enquiry.closed_at is None
    enquiry.move_to(WON)
    enquiry.save(update_fields=Enquiry.PIPELINE_FIELDS)

    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.WON
    assert enquiry.closed_at == enquiry.status_changed_at is not None


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ([], PROPOSAL_SENT),
        ([], WON),
        ([CONTACTED], LOST),
        ([CONTACTED, PROPOSAL_SENT, LOST], CONTACTED),
        ([SPAM], CONTACTED),
        ([CONTACTED, PROPOSAL_SENT, WON], SPAM),
    ],
)
def test_moves_the_pipeline_does_not_allow_are_refused_and_change_nothing(path, refused):
    enquiry = EnquiryFactory()
    for status in path:
        enquiry.move_to(status)
        enquiry.save(update_fields=Enquiry.PIPELINE_FIELDS)
    before = Enquiry.objects.values().get(pk=enquiry.pk)

    with pytest.raises(ValidationError, match="cannot be marked"):
        enquiry.move_to(refused)

    assert Enquiry.objects.values().get(pk=enquiry.pk) == before


def test_any_open_enquiry_can_be_marked_spam():
    for path in [[], [CONTACTED], [CONTACTED, PROPOSAL_SENT]]:
        enquiry = EnquiryFactory()
        for status in path:
            enquiry.move_to(status)
            enquiry.save(update_fields=Enquiry.PIPELINE_FIELDS)
        enquiry.move_to(SPAM)
        enquiry.save(update_fields=Enquiry.PIPELINE_FIELDS)
        assert enquiry.status == Enquiry.Status.SPAM


def test_sales_takes_ownership_moves_to_contacted_and_adds_a_note_in_the_admin(
    sales_client, sales_user
):
    enquiry = EnquiryFactory()
    url = f"/admin/advertising/enquiry/{enquiry.pk}/change/"
    page = sales_client.get(url)
    assert '<option value="contacted">Contacted</option>' in page.text
    assert '<option value="won">' not in page.text  # only the moves allowed from "new"

    response = sales_client.post(
        url,
        {
            "owner": sales_user.pk,
            "move_to": "contacted",
            "notes-TOTAL_FORMS": "1",
            "notes-INITIAL_FORMS": "0",
            "notes-0-text": "Called them; they want rates for March.",
            "notes-0-enquiry": enquiry.pk,
        },
    )

    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert (enquiry.owner, enquiry.status) == (sales_user, Enquiry.Status.CONTACTED)
    note = EnquiryNote.objects.get()
    assert (note.enquiry, note.author, note.text) == (
        enquiry,
        sales_user,
        "Called them; they want rates for March.",
    )
    assert "Called them" in sales_client.get(url).text


def test_only_sales_members_can_own_an_enquiry(sales_client):
    enquiry = EnquiryFactory()
    outsider = UserFactory(username="not-in-sales")
    url = f"/admin/advertising/enquiry/{enquiry.pk}/change/"

    response = sales_client.post(
        url, {"owner": outsider.pk, "notes-TOTAL_FORMS": "0", "notes-INITIAL_FORMS": "0"}
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    enquiry.refresh_from_db()
    assert enquiry.owner is None


def test_assign_to_me_action_gives_the_selected_enquiries_to_the_sales_person(
    sales_client, sales_user
):
    enquiries = EnquiryFactory.create_batch(2)
    response = sales_client.post(
        "/admin/advertising/enquiry/",
        {"action": "assign_to_me", "_selected_action": [e.pk for e in enquiries]},
        follow=True,
    )
    assert "2 enquiries are now yours." in response.text
    assert set(Enquiry.objects.values_list("owner", flat=True)) == {sales_user.pk}


def test_mark_as_spam_action_marks_open_enquiries_and_leaves_closed_ones(sales_client):
    open_one, won = EnquiryFactory.create_batch(2)
    for status in [CONTACTED, PROPOSAL_SENT, WON]:
        won.move_to(status)
        won.save(update_fields=Enquiry.PIPELINE_FIELDS)

    response = sales_client.post(
        "/admin/advertising/enquiry/",
        {"action": "mark_spam", "_selected_action": [open_one.pk, won.pk]},
        follow=True,
    )

    assert "1 enquiry marked as spam." in response.text
    assert "1 closed enquiry was left as it is." in response.text
    assert Enquiry.objects.get(pk=open_one.pk).status == Enquiry.Status.SPAM
    assert Enquiry.objects.get(pk=won.pk).status == Enquiry.Status.WON


def test_existing_notes_cannot_be_edited_by_sales(sales_client, sales_user):
    enquiry = EnquiryFactory()
    note = EnquiryNote.objects.create(enquiry=enquiry, author=sales_user, text="First call.")

    response = sales_client.post(
        f"/admin/advertising/enquiry/{enquiry.pk}/change/",
        {
            "notes-TOTAL_FORMS": "1",
            "notes-INITIAL_FORMS": "1",
            "notes-0-id": note.pk,
            "notes-0-enquiry": enquiry.pk,
            "notes-0-text": "Rewritten history.",
        },
    )

    # The form was accepted (saved and redirected), and the note was still left as it was.
    assert response.status_code == 302
    assert response["Location"] == "/admin/advertising/enquiry/"
    note.refresh_from_db()
    assert note.text == "First call."


def test_a_superuser_outside_sales_cannot_take_ownership(client):
    enquiry = EnquiryFactory()
    client.force_login(UserFactory(username="root", is_superuser=True))

    response = client.post(
        "/admin/advertising/enquiry/",
        {"action": "assign_to_me", "_selected_action": [enquiry.pk]},
        follow=True,
    )

    assert "Only Sales members can own enquiries." in response.text
    enquiry.refresh_from_db()
    assert enquiry.owner is None
