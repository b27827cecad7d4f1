import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission

from advertising.models import Enquiry
from newsroom.roles import EDITORS, SALES, WRITERS
from tests.factories import EnquiryFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/advertising/enquiry/"
EXPORT = "/admin/advertising/enquiry/export/"


def _rows(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_sales_group_has_exactly_the_enquiry_permissions():
    sales = Group.objects.get(name=SALES)
    assert set(sales.permissions.values_list("content_type__app_label", "codename")) == {
        ("advertising", "view_enquiry"),
        ("advertising", "change_enquiry"),
        ("advertising", "add_enquirynote"),
        ("advertising", "view_enquirynote"),
    }
    for other in [EDITORS, WRITERS]:
        assert (
            not Group.objects.get(name=other)
            .permissions.filter(content_type__app_label="advertising")
            .exists()
        )


@pytest.mark.parametrize("group", [EDITORS, WRITERS, None])
def test_staff_outside_sales_cannot_see_enquiries(staff_client_in, group):
    enquiry = EnquiryFactory()
    client = staff_client_in(group)

    for url in [LIST, f"{LIST}{enquiry.pk}/change/", EXPORT]:
        assert client.get(url).status_code == 403, url
    assert "Enquiries" not in client.get("/admin/").text


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    enquiry = EnquiryFactory()
    for url in [LIST, f"{LIST}{enquiry.pk}/change/", EXPORT]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/?next=")


def test_sales_sees_enquiries_and_nothing_editorial(sales_client):
    enquiry = EnquiryFactory(name="Kamala Silva", organisation="Lanka Motors")
    listing = sales_client.get(LIST)
    assert listing.status_code == 200
    assert "Kamala Silva" in listing.text and "Lanka Motors" in listing.text
    assert sales_client.get(f"{LIST}{enquiry.pk}/change/").status_code == 200
    assert sales_client.get(EXPORT).status_code == 200
    assert sales_client.get(f"{LIST}add/").status_code == 403  # enquiries come from the form
    assert sales_client.get(f"{LIST}{enquiry.pk}/delete/").status_code == 403
    for editorial in ["/admin/articles/article/", "/admin/authors/author/", "/admin/pages/page/"]:
        assert sales_client.get(editorial).status_code == 403
    home = sales_client.get("/admin/").text
    assert "Enquiries" in home and "Articles" not in home


def test_csv_export_contains_the_filtered_list(sales_client, sales_user):
    won = EnquiryFactory(name="Won Ltd", phone="+94112345678", budget="1m_5m", message="Yes")
    Enquiry.objects.filter(pk=won.pk).assign_to(sales_user)
    for status in ["contacted", "proposal_sent", "won"]:
        won.move_to(status)
        won.save(update_fields=Enquiry.PIPELINE_FIELDS)
    EnquiryFactory(name="Still New")

    response = sales_client.get(EXPORT, {"status__exact": "won"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="enquiries-')
    header, *rows = _rows(response)
    assert header == [
        "Received",
        "Name",
        "Organisation",
        "E-mail",
        "Phone",
        "Interest",
        "Budget",
        "Preferred start",
        "Status",
        "Owner",
        "Message",
        "Notes",
    ]
    assert len(rows) == 1
    assert rows[0][1:] == [
        "Won Ltd",
        won.organisation,
        won.email,
        "tel:+94-112-345-678",
        "Website",
        "LKR 1,000,000 to 5,000,000",
        "",
        "Won",
        "sales-person",
        "Yes",
        "",
    ]


def test_csv_export_follows_the_search_too(sales_client):
    EnquiryFactory(name="Findable Person")
    EnquiryFactory(name="Someone Else")
    rows = _rows(sales_client.get(EXPORT, {"q": "Findable"}))[1:]
    assert [row[1] for row in rows] == ["Findable Person"]


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_escaped(sales_client):
    EnquiryFactory(
        name='=HYPERLINK("http://evil.example")',
        organisation="+cmd|' /C calc'!A0",
        message="@SUM(A1:A2)",
    )
    EnquiryFactory(name="-2+3", organisation="\tTabbed", message="\rReturn")
    EnquiryFactory(name="Plain = fine", organisation="A-Team", message="Email me @ work")

    rows = {row[1]: row for row in _rows(sales_client.get(EXPORT))[1:]}

    evil = rows['\'=HYPERLINK("http://evil.example")']
    assert evil[2] == "'+cmd|' /C calc'!A0"
    assert evil[10] == "'@SUM(A1:A2)"
    assert rows["'-2+3"][2] == "'\tTabbed"
    assert rows["'-2+3"][10] == "'\rReturn"
    assert rows["Plain = fine"][2:3] == ["A-Team"]  # only a leading character is dangerous
    assert rows["Plain = fine"][10] == "Email me @ work"


def test_export_action_exports_the_selected_enquiries(sales_client):
    chosen, _other = EnquiryFactory.create_batch(2)
    response = sales_client.post(LIST, {"action": "export_csv", "_selected_action": [chosen.pk]})
    assert [row[1] for row in _rows(response)[1:]] == [chosen.name]


def test_the_enquiry_list_runs_a_fixed_number_of_queries(
    sales_client, sales_user, django_assert_num_queries
):
    sales_client.get(LIST)  # loads the session and permissions into the cache
    for batch in (2, 20):
        Enquiry.objects.filter(pk__in=[e.pk for e in EnquiryFactory.create_batch(batch)]).assign_to(
            sales_user
        )
        with django_assert_num_queries(10):  # one of them counts failed e-mails
            response = sales_client.get(LIST)
        assert response.text.count('class="field-name"') == Enquiry.objects.count()


def test_a_user_given_only_the_view_permission_can_list_but_not_change(client):
    viewer = UserFactory(username="viewer")
    viewer.user_permissions.add(Permission.objects.get(codename="view_enquiry"))
    client.force_login(viewer)
    enquiry = EnquiryFactory()
    assert client.get(LIST).status_code == 200
    response = client.post(LIST, {"action": "mark_spam", "_selected_action": [enquiry.pk]})
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.NEW
    assert response.status_code in (200, 302)
