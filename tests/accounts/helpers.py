"""Signing staff in through the two-step form, and the codes an authenticator app would show."""

import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's


def code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """What the authenticator app shows now (or `steps_ahead` 30-second steps from now)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def enrol(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="default", confirmed=True)


def recovery_codes(user, *codes: str) -> StaticDevice:
    device = StaticDevice.objects.create(user=user, name="backup", confirmed=True)
    for token in codes:
        StaticToken.objects.create(device=device, token=token)
    return device


def password_step(client, username, password=PASSWORD, **extra):
    return client.post(
        "/admin/login/?next=/admin/",
        {"login_view-current_step": "auth", "auth-username": username, "auth-password": password},
        **extra,
    )


def token_step(client, token, step="token"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"login_view-current_step": step, f"{step}-otp_token": token},
    )


def verified_client(user):
    """A client signed in as `user` with a second factor, as the two-step sign-in leaves it."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = enrol(user).persistent_id
    session.save()
    return client
