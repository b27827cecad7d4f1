import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from advertising.models import Enquiry
from audit.models import Event
from tests.accounts.helpers import code, enrol, password_step, token_step, verified_client
from tests.factories import ArticleFactory, AuthorFactory, EnquiryFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_deactivating_a_leaver_ends_their_access_and_keeps_their_work(
    sales_user, editor, django_capture_on_commit_callbacks
):
    device = enrol(editor)
    byline = AuthorFactory(name="Ravi Kumar", user=editor)
    story = ArticleFactory(live=True, authors=[byline], created_by=editor)
    theirs = EnquiryFactory(owner=sales_user)
    won = EnquiryFactory(owner=sales_user, status=Enquiry.Status.WON)
    signed_in = Client()
    password_step(signed_in, "editor")
    token_step(signed_in, code(device))
    assert signed_in.get("/admin/").status_code == 200
    chief = verified_client(UserFactory(username="chief", is_superuser=True))

    with django_capture_on_commit_callbacks(execute=True):
        response = chief.post(
            "/admin/auth/user/",
            {"action": "deactivate_leavers", "_selected_action": [editor.pk, sales_user.pk]},
            follow=True,
        )

    assert "Deactivated 2" in response.content.decode()
    editor.refresh_from_db()
    assert not editor.is_active
    assert not editor.groups.exists() and not sales_user.groups.exists()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert signed_in.get("/admin/").status_code == 302
    assert password_step(Client(), "editor").status_code == 200  # refused
    theirs.refresh_from_db()
    won.refresh_from_db()
    assert theirs.owner is None  # back in the Sales pool
    assert won.owner == sales_user  # closed business keeps its record
    story.refresh_from_db()
    assert list(story.authors.all()) == [byline] and byline.user == editor
    assert story.created_by == editor
    event = Event.objects.get(action=Event.Action.DEACTIVATED, target="sales-person")
    assert event.actor_name == "chief"
    assert "Sales" in event.detail and "returned to the pool: 1" in event.detail


def test_an_admin_cannot_deactivate_themself_by_accident(db):
    chief_user = UserFactory(username="chief", is_superuser=True)
    chief = verified_client(chief_user)

    chief.post(
        "/admin/auth/user/", {"action": "deactivate_leavers", "_selected_action": [chief_user.pk]}
    )

    chief_user.refresh_from_db()
    assert chief_user.is_active


def test_the_users_list_shows_who_has_a_second_factor_in_a_fixed_number_of_queries(
    django_assert_max_num_queries,
):
    chief = verified_client(UserFactory(username="chief", is_superuser=True))
    enrol(UserFactory(username="enrolled"))
    UserFactory(username="not-yet")
    chief.get("/admin/auth/user/")
    with django_assert_max_num_queries(10) as few:
        page = chief.get("/admin/auth/user/").content.decode()
    assert page.count('alt="True"') >= 2 and 'alt="False"' in page
    UserFactory.create_batch(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        chief.get("/admin/auth/user/")
