"""An operator purges addresses, tags or everything from the admin, and sees what waits."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from edge.models import Purge
from edge.tasks import send_purges

pytestmark = pytest.mark.django_db

ADD = "/admin/edge/purge/add/"


def test_an_operator_purges_two_addresses_and_the_purge_is_queued(admin_client, settings):
    settings.EDGE_BACKEND = "cloudflare"
    response = admin_client.post(
        ADD,
        {"urls": "https://news.example/\nhttps://news.example/latest/", "tags": ""},
        follow=True,
    )

    purge = Purge.objects.get()
    assert purge.urls == ["https://news.example/", "https://news.example/latest/"]
    assert purge.requested_by.is_superuser and purge.sent_at is None
    assert DBTaskResult.objects.filter(task_path=send_purges.module_path).exists()
    assert "Purge queued" in response.text
    assert "https://news.example/latest/" in admin_client.get("/admin/edge/purge/").text


def test_a_purge_of_nothing_or_of_a_bad_address_is_refused(admin_client):
    empty = admin_client.post(ADD, {"urls": "", "tags": ""})
    bad = admin_client.post(ADD, {"urls": "news example", "tags": ""})

    assert "Give addresses or tags to purge, or tick Everything." in empty.text
    assert "Enter a valid URL." in bad.text
    assert not Purge.objects.exists()


def test_editors_cannot_purge(editor_client):
    assert editor_client.get(ADD).status_code == 403


def test_send_again_sends_failed_purges_now_and_leaves_scheduled_ones_to_their_time(
    admin_client, settings
):
    settings.EDGE_BACKEND = "fastly"
    later = timezone.now() + datetime.timedelta(hours=1)
    failed = Purge.objects.create(tags=["edition:en"], attempts=3, last_error="503", due_at=later)
    scheduled = Purge.objects.create(tags=["latest:en"], due_at=later)

    admin_client.post(
        "/admin/edge/purge/",
        {"action": "send_again", "_selected_action": [failed.pk, scheduled.pk]},
    )

    assert list(Purge.objects.due()) == [failed]
    scheduled.refresh_from_db()
    assert scheduled.due_at == later
    assert DBTaskResult.objects.filter(task_path=send_purges.module_path).exists()
