"""Staff security on the real admin in Chromium: enrolling a second factor (the QR code shown
under the Content-Security-Policy), signing in with a code and with a recovery code, a lockout
and its unlock, a password reset through the worker's e-mail, and the leaver action."""

import base64
import re

import pytest
from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from audit.models import Event
from tests.accounts.helpers import PASSWORD, code, enrol
from tests.advertising.helpers import run_worker
from tests.factories import EnquiryFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`securitypolicyviolation: ${event.effectiveDirective} ${event.blockedURI}`)
})
"""


@pytest.fixture
def second_factor_required(settings):
    settings.REQUIRE_2FA_GROUPS = ["Editors"]
    settings.REQUIRE_2FA_SUPERUSERS = True


def _policy_violations(page) -> list[str]:
    """What the page reports breaking the Content-Security-Policy, as it happens."""
    problems = []

    def note(message):
        if "securitypolicyviolation" in message.text or "Content Security Policy" in message.text:
            problems.append(message.text)

    page.on("console", note)
    page.add_init_script(REPORT_VIOLATIONS)
    return problems


def _password(page, live_server, username, password=PASSWORD):
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def _sign_out(page):
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_label("Username")).to_be_visible()  # back at the sign-in page


def test_an_editor_enrols_signs_in_with_a_code_and_a_recovery_code_works_once(
    live_server, page, editor, second_factor_required, tmp_path
):
    violations = _policy_violations(page)
    _password(page, live_server, "editor")
    expect(page.get_by_role("heading", name="Enable Two-Factor Authentication")).to_be_visible()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Token generator").check()
    page.get_by_role("button", name="Next").click()

    qr = page.get_by_role("img", name="QR Code")
    expect(qr).to_be_visible()
    assert qr.evaluate("image => image.naturalWidth") > 0  # drawn, not blocked
    page.screenshot(path=tmp_path / "enrolment.png", full_page=True)
    secret = re.search(r"secret=([A-Z2-7]+)", page.content()).group(1)
    app = TOTPDevice(key=base64.b32decode(secret).hex())
    page.get_by_label("Token").fill(code(app))
    page.get_by_role("button", name="Next").click()
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/account/two-factor/recovery-codes/")
    page.get_by_role("button", name="Generate Tokens").click()
    recovery = page.locator("#content li").first.inner_text().strip()
    _sign_out(page)

    _password(page, live_server, "editor")
    page.get_by_label("Token").fill(code(app, steps_ahead=1))
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    _sign_out(page)

    for attempt in ("first", "second"):
        _password(page, live_server, "editor")
        page.get_by_role("button", name="Use a recovery code").click()
        page.get_by_label("Token").fill(recovery)
        page.get_by_role("button", name="Verify").click()
        if attempt == "first":
            page.wait_for_url(f"{live_server.url}/admin/")
            _sign_out(page)
    expect(page.get_by_text("Invalid token")).to_be_visible()
    page.screenshot(path=tmp_path / "recovery-refused.png", full_page=True)
    assert violations == [], violations
    assert Event.objects.filter(action=Event.Action.RECOVERY_CODE_USED).count() == 1


def test_a_writer_enrols_a_passkey_and_signs_in_with_it(live_server, browser, writer, tmp_path):
    context = browser.new_context()
    context.set_default_timeout(15_000)
    page = context.new_page()
    # Chromium's own virtual authenticator stands in for a phone or security key.
    devtools = context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    devtools.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    violations = _policy_violations(page)
    _password(page, live_server, "writer")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/account/two-factor/setup/")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("WebAuthn").check()
    page.get_by_role("button", name="Next").click()  # the browser creates the passkey
    page.wait_for_url(re.compile(r".*/setup/complete/"))
    page.screenshot(path=tmp_path / "passkey-enrolled.png", full_page=True)
    _sign_out(page)

    # The second step's page asks the browser, which answers with the passkey and goes on.
    _password(page, live_server, "writer")
    page.wait_for_url(f"{live_server.url}/admin/", timeout=45_000)
    assert violations == [], violations
    assert Event.objects.filter(action=Event.Action.SIGN_IN, detail="with passkey").exists()
    context.close()


def test_a_locked_out_writer_is_told_when_to_retry_and_an_admin_unlocks_them(
    live_server, browser, writer, settings, tmp_path
):
    settings.AXES_FAILURE_LIMIT = 3
    # Behind our proxy (the live server's address), each person at their own address: the
    # writer's address is locked out too, the admin's is not.
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    context = browser.new_context(extra_http_headers={"X-Forwarded-For": "198.51.100.10"})
    context.set_default_timeout(15_000)
    page = context.new_page()
    for _ in range(3):
        _password(page, live_server, "writer", "not my password")
    _password(page, live_server, "writer")
    expect(page.get_by_text("Try again in 30 minutes")).to_be_visible()
    page.screenshot(path=tmp_path / "locked.png", full_page=True)

    chief = UserFactory(username="chief", is_superuser=True)
    device = enrol(chief)
    admin_page = browser.new_context(
        extra_http_headers={"X-Forwarded-For": "198.51.100.20"}
    ).new_page()
    admin_page.set_default_timeout(15_000)
    _password(admin_page, live_server, "chief")
    admin_page.get_by_label("Token").fill(code(device))
    admin_page.get_by_role("button", name="Verify").click()
    admin_page.goto(f"{live_server.url}/admin/auth/user/?q=writer")
    admin_page.get_by_role("row", name="writer").get_by_role("checkbox").check()
    admin_page.get_by_role("combobox", name="Action").select_option(label="Unlock selected users")
    admin_page.get_by_title("Run the selected action").click()
    expect(admin_page.get_by_text("Unlocked 1.")).to_be_visible()

    _password(page, live_server, "writer")
    page.wait_for_url(f"{live_server.url}/admin/")
    context.close()


def test_a_forgotten_password_is_reset_through_the_workers_email(
    live_server, page, writer, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_role("link", name="Forgotten your password?").click()
    page.get_by_label("Email address").fill("writer@example.com")
    page.get_by_role("button", name="Reset my password").click()
    expect(page.get_by_text("emailed you instructions", exact=False)).to_be_visible()

    run_worker()
    (message,) = mail.outbox
    link = re.search(r"https?://\S+/admin/account/password/reset/\S+/", message.body).group(0)
    page.goto(link)
    page.get_by_label("New password:").fill("monsoon lighthouse 47 tea")
    page.get_by_label("Confirm password:").fill("monsoon lighthouse 47 tea")
    page.get_by_role("button", name="Change my password").click()
    expect(page.get_by_text("Your password has been set")).to_be_visible()

    _password(page, live_server, "writer", "monsoon lighthouse 47 tea")
    page.wait_for_url(f"{live_server.url}/admin/")


def test_an_admin_deactivates_a_leaver_in_one_action(live_server, browser, sales_user):
    enquiry = EnquiryFactory(owner=sales_user)
    leaver = browser.new_context().new_page()
    _password(leaver, live_server, "sales-person")
    leaver.wait_for_url(f"{live_server.url}/admin/")

    chief = UserFactory(username="chief", is_superuser=True)
    device = enrol(chief)
    page = browser.new_context().new_page()
    page.set_default_timeout(15_000)
    _password(page, live_server, "chief")
    page.get_by_label("Token").fill(code(device))
    page.get_by_role("button", name="Verify").click()
    page.goto(f"{live_server.url}/admin/auth/user/?q=sales-person")
    page.get_by_role("row", name="sales-person").get_by_role("checkbox").check()
    page.get_by_role("combobox", name="Action").select_option(label="Deactivate selected leavers")
    page.get_by_title("Run the selected action").click()
    expect(page.get_by_text("Deactivated 1")).to_be_visible()

    leaver.goto(f"{live_server.url}/admin/advertising/enquiry/")
    expect(leaver.get_by_label("Username")).to_be_visible()  # signed out
    enquiry.refresh_from_db()
    assert enquiry.owner is None
    page.goto(f"{live_server.url}/admin/audit/event/?action__exact=deactivated")
    expect(page.get_by_role("link", name=re.compile("deactivated as a leaver"))).to_be_visible()
