import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article
from articles.services import article_move
from audit.models import Event
from tests.accounts.helpers import verified_client
from tests.factories import ArticleFactory, EnquiryFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief(db):
    return verified_client(UserFactory(username="chief", is_superuser=True))


def test_publishing_scheduling_unpublishing_and_deleting_are_recorded(editor, editor_client):
    story = ArticleFactory(title="Budget passes", status=Article.Status.REVIEW)
    later = ArticleFactory(title="Cabinet reshuffle", status=Article.Status.REVIEW)

    for action in ("publish", "unpublish"):
        editor_client.post(
            "/admin/articles/article/", {"action": action, "_selected_action": [story.pk]}
        )
    at = timezone.now() + datetime.timedelta(hours=3)
    article_move(article=later, user=editor, move=Article.Move.SCHEDULE, at=at)
    editor_client.post(f"/admin/articles/article/{story.pk}/delete/", {"post": "yes"})

    moves = Event.objects.filter(action=Event.Action.ARTICLE_MOVED, actor_name="editor")
    assert [(e.target.split(" (")[0], e.detail.split(" for ")[0]) for e in moves] == [
        ("Cabinet reshuffle", "schedule"),
        ("Budget passes", "unpublish"),
        ("Budget passes", "publish"),
    ]
    deleted = Event.objects.get(action=Event.Action.ARTICLE_DELETED)
    assert deleted.actor_name == "editor" and "Budget passes" in deleted.target
    assert Article.objects.filter(pk=story.pk).count() == 0  # gone; its events stay


def test_group_changes_and_enquiry_exports_are_recorded(chief, sales_client, writer):
    chief.post(
        f"/admin/auth/user/{writer.pk}/change/",
        {
            "username": "writer",
            "is_active": "on",
            "is_staff": "on",
            "groups": [Group.objects.get(name="Editors").pk],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "09:00:00",
            "initial-date_joined_0": "2026-01-01",
            "initial-date_joined_1": "09:00:00",
        },
    )
    EnquiryFactory.create_batch(2)
    sales_client.get("/admin/advertising/enquiry/export/")

    groups = Event.objects.filter(action=Event.Action.GROUPS_CHANGED).order_by("pk")
    assert [(e.actor_name, e.target, e.detail) for e in groups] == [
        ("chief", "writer", "removed: Writers"),
        ("chief", "writer", "added: Editors"),
    ]
    export = Event.objects.get(action=Event.Action.ENQUIRIES_EXPORTED)
    assert (export.actor_name, export.detail) == ("sales-person", "2 enquiries")


def test_the_audit_log_is_read_only_and_filterable_in_the_admin(
    chief, django_assert_max_num_queries
):
    for n in range(30):
        Event.objects.create(action=Event.Action.SIGN_IN, actor_name=f"user{n}", address="10.1.1.1")
    event = Event.objects.first()

    with django_assert_max_num_queries(12):
        listing = chief.get("/admin/audit/event/?action__exact=sign_in")
    assert listing.status_code == 200
    assert "user29" in listing.content.decode()
    assert chief.get("/admin/audit/event/add/").status_code == 403
    page = chief.get(f"/admin/audit/event/{event.pk}/change/").content.decode()
    assert 'name="_save"' not in page
    chief.post(f"/admin/audit/event/{event.pk}/change/", {"actor_name": "someone else"})
    chief.post(f"/admin/audit/event/{event.pk}/delete/", {"post": "yes"})
    chief.post("/admin/audit/event/", {"action": "delete_selected", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert event.actor_name == "user29"


def test_editors_and_writers_cannot_open_the_audit_log(editor_client, writer_client):
    assert editor_client.get("/admin/audit/event/").status_code == 403
    assert writer_client.get("/admin/audit/event/").status_code == 403


def test_events_past_the_retention_period_are_pruned(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    old = Event.objects.create(
        action=Event.Action.SIGN_IN, at=timezone.now() - datetime.timedelta(days=31)
    )
    recent = Event.objects.create(
        action=Event.Action.SIGN_IN, at=timezone.now() - datetime.timedelta(days=29)
    )

    call_command("audit_prune", verbosity=0)

    assert list(Event.objects.all()) == [recent]
    assert not Event.objects.filter(pk=old.pk).exists()
