"""Start-up configuration: run manage.py as an operator would, with a controlled environment."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, **env):
    # Browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; an operator's shell has not.
    unset = {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_start_up_without_a_secret_key_is_refused_with_a_clear_message():
    result = _manage("check", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("change-me-to-a-long-random-string", "is a published example"),  # .env.example's
        ("insecure-development-key-not-for-production", "is a published example"),
        ("django-insecure-" + "k3#v9@x!q2^m7&z" * 4, "is a published example"),
        ("s3cr3t-but-short", "is shorter than 50 characters"),
        ("abcabc" * 10, "has fewer than 10 distinct characters"),
    ],
)
def test_start_up_with_a_weak_secret_key_is_refused_with_a_clear_message(key, reason):
    result = _manage("check", DEBUG="false", SECRET_KEY=key)
    assert result.returncode != 0
    assert f"Newsroom will not start: SECRET_KEY {reason}." in result.stderr
    assert "Traceback" not in result.stderr


def test_a_long_random_secret_key_starts_and_debug_starts_with_any_key():
    assert _manage("check", DEBUG="false", SECRET_KEY=secrets.token_urlsafe(50)).returncode == 0
    result = _manage("check", DEBUG="true", SECRET_KEY="change-me-to-a-long-random-string")
    assert result.returncode == 0, result.stderr


def test_the_test_suites_own_key_starts():
    makefile = (ROOT / "Makefile").read_text()
    key = re.search(r"^test: export SECRET_KEY \?= (\S+)$", makefile, re.M).group(1)
    assert _manage("check", DEBUG="false", SECRET_KEY=key).returncode == 0


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-production-grade-secret-key-" + "x7Gq9!" * 10,
    "ALLOWED_HOSTS": "news.example.com",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_COOKIES": "true",
    "TRUST_X_FORWARDED_PROTO": "true",
}


def test_production_settings_pass_the_deployment_checklist(tmp_path):
    result = _manage(
        "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, MEDIA_ROOT=str(tmp_path)
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_a_missing_media_root_fails_the_deployment_checklist_with_a_clear_message(tmp_path):
    missing = tmp_path / "media"
    result = _manage("check", "--deploy", **PRODUCTION, MEDIA_ROOT=str(missing))
    assert result.returncode == 1
    assert f"MEDIA_ROOT ({missing}) does not exist: uploads and backups would fail." in (
        result.stderr
    )
