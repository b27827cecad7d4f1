import base64
import re

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import Event
from tests.accounts.helpers import (
    code,
    enrol,
    password_step,
    recovery_codes,
    token_step,
    verified_client,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_editor_without_a_second_factor_is_sent_to_enrolment_before_any_admin_page(
    editor, require_second_factor
):
    client = Client()
    password_step(client, "editor")

    for page in ["/admin/", "/admin/articles/article/", "/admin/password_change/"]:
        response = client.get(page)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/account/two-factor/setup/")

    assert client.get("/admin/account/two-factor/setup/").status_code == 200


def test_a_superuser_must_enrol_too_but_a_writer_may_work_without_one(
    writer, require_second_factor
):
    UserFactory(username="chief", is_superuser=True)
    chief, writer_client = Client(), Client()
    password_step(chief, "chief")
    password_step(writer_client, "writer")

    assert chief.get("/admin/")["Location"].startswith("/admin/account/two-factor/setup/")
    assert writer_client.get("/admin/").status_code == 200
    assert (
        b"Enable Two-Factor Authentication"
        in writer_client.get("/admin/account/two-factor/").content
    )


def test_enrolling_with_the_qr_code_secret_lets_the_editor_in_and_records_it(
    editor, require_second_factor
):
    client = Client()
    password_step(client, "editor")
    setup = "/admin/account/two-factor/setup/?next=/admin/"
    client.post(setup, {"setup_view-current_step": "welcome"})
    page = client.post(setup, {"setup_view-current_step": "method", "method-method": "generator"})
    secret = re.search(r"secret=([A-Z2-7]+)", page.content.decode()).group(1)
    qr = client.get("/admin/account/two-factor/qrcode/")
    assert qr["Content-Type"].startswith("image/svg+xml")
    assert b"<svg" in qr.content

    # The app, given the secret, shows the code the test computes.
    app = TOTPDevice(key=base64.b32decode(secret).hex())
    response = client.post(
        setup, {"setup_view-current_step": "generator", "generator-token": code(app)}
    )

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert Event.objects.filter(action=Event.Action.SECOND_FACTOR_ADDED, target="editor").exists()


def test_a_wrong_code_is_refused_and_logged_and_a_right_one_signs_in(editor):
    device = enrol(editor)
    client = Client()
    password_step(client, "editor")

    refused = token_step(client, "000000" if code(device) != "000000" else "111111")
    assert refused.status_code == 200
    assert b"Invalid token" in refused.content
    assert client.get("/admin/").status_code == 302  # not signed in
    assert Event.objects.filter(
        action=Event.Action.SECOND_FACTOR_FAILED, actor_name="editor"
    ).exists()

    device.refresh_from_db()
    device.throttling_failure_count = 0  # the throttle's wait after one failure is 1 s
    device.throttling_failure_timestamp = None
    device.save()
    assert token_step(client, code(device)).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert Event.objects.filter(action=Event.Action.SIGN_IN, detail__contains="authenticator")


def test_a_replayed_code_is_refused(editor):
    device = enrol(editor)
    used = code(device)
    first = Client()
    password_step(first, "editor")
    assert token_step(first, used).status_code == 302

    second = Client()
    password_step(second, "editor")
    replay = token_step(second, used)

    assert replay.status_code == 200
    assert b"Invalid token" in replay.content
    assert second.get("/admin/").status_code == 302


def test_repeated_wrong_codes_are_throttled_with_a_clear_message(editor):
    device = enrol(editor)
    client = Client()
    password_step(client, "editor")
    token_step(client, "000001")
    response = token_step(client, code(device))  # even the right code waits out the throttle

    assert b"Verification temporarily disabled" in response.content
    assert client.get("/admin/").status_code == 302


def test_a_recovery_code_works_once_and_is_refused_the_second_time(editor):
    enrol(editor)
    recovery_codes(editor, "kandy123", "galle456")
    client = Client()
    password_step(client, "editor")
    client.post(
        "/admin/login/?next=/admin/",
        {"login_view-current_step": "token", "wizard_goto_step": "backup"},
    )
    assert token_step(client, "kandy123", step="backup").status_code == 302
    assert client.get("/admin/").status_code == 200
    assert list(StaticToken.objects.values_list("token", flat=True)) == ["galle456"]

    again = Client()
    password_step(again, "editor")
    again.post(
        "/admin/login/?next=/admin/",
        {"login_view-current_step": "token", "wizard_goto_step": "backup"},
    )
    refused = token_step(again, "kandy123", step="backup")
    assert refused.status_code == 200
    assert again.get("/admin/").status_code == 302
    assert Event.objects.filter(action=Event.Action.RECOVERY_CODE_USED).count() == 1


def test_an_editor_cannot_switch_off_a_required_second_factor(editor, require_second_factor):
    device = enrol(editor)
    client = Client()
    password_step(client, "editor")
    token_step(client, code(device))

    assert client.get("/admin/account/two-factor/disable/").status_code == 403
    assert TOTPDevice.objects.filter(user=editor).exists()


def test_an_admin_resets_a_colleagues_second_factor_which_ends_their_sessions(
    editor, require_second_factor, django_capture_on_commit_callbacks
):
    device = enrol(editor)
    colleague = Client()
    password_step(colleague, "editor")
    token_step(colleague, code(device))
    assert colleague.get("/admin/").status_code == 200

    admin_client = verified_client(UserFactory(username="chief", is_superuser=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/auth/user/",
            {"action": "reset_second_factor", "_selected_action": [editor.pk]},
            follow=True,
        )

    assert "Second factors reset for 1" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert colleague.get("/admin/")["Location"].startswith("/admin/login/")
    event = Event.objects.get(action=Event.Action.SECOND_FACTOR_RESET)
    assert (event.actor_name, event.target) == ("chief", "editor")
