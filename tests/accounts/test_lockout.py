import pytest
from django.test import Client

from audit.models import Event
from tests.accounts.helpers import password_step, verified_client
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def limit(settings):
    settings.AXES_FAILURE_LIMIT = 3
    return 3


def test_after_the_allowed_failures_even_the_right_password_is_refused_with_when_to_retry(
    editor, limit
):
    client = Client()
    for _ in range(limit):
        password_step(client, "editor", "wrong password")

    locked = password_step(client, "editor")

    assert locked.status_code == 429
    assert "Try again in 30 minutes" in " ".join(locked.content.decode().split())
    assert client.get("/admin/").status_code == 302  # still not signed in
    # The refused right password is logged as a failure too.
    assert Event.objects.filter(action=Event.Action.SIGN_IN_FAILED).count() == limit + 1
    assert Event.objects.filter(action=Event.Action.LOCKED_OUT, actor_name="editor").exists()


def test_an_account_is_locked_from_every_address(editor, limit, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    for n in range(limit):
        password_step(
            Client(),
            "editor",
            "wrong",
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )

    elsewhere = password_step(
        Client(), "editor", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9"
    )

    assert elsewhere.status_code == 429


def test_an_address_guessing_many_accounts_is_locked_by_its_address_behind_the_proxy(
    editor, limit, settings
):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    guesser = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    for n in range(limit):
        password_step(Client(), f"someone{n}", "wrong", **guesser)

    assert password_step(Client(), "editor", **guesser).status_code == 429
    # Another reader behind the same proxy is not the guesser.
    other = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.8"}
    assert password_step(Client(), "editor", **other).status_code == 302
    event = Event.objects.filter(action=Event.Action.SIGN_IN_FAILED).first()
    assert event.address == "198.51.100.7"


def test_an_admin_unlocks_a_locked_out_editor(editor, limit):
    for _ in range(limit):
        password_step(Client(), "editor", "wrong password")
    admin_client = verified_client(UserFactory(username="chief", is_superuser=True))

    response = admin_client.post(
        "/admin/auth/user/", {"action": "unlock", "_selected_action": [editor.pk]}, follow=True
    )

    assert "Unlocked 1" in response.content.decode()
    assert password_step(Client(), "editor").status_code == 302
    event = Event.objects.get(action=Event.Action.UNLOCKED)
    assert (event.actor_name, event.target) == ("chief", "editor")
