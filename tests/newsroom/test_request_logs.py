"""Log lines carry the request's id from nginx; JSON lines on request; Sentry sends no personal
data."""

import io
import json
import logging
import logging.config
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def json_log():
    """The settings' JSON formatter and request-id filter, writing to a buffer."""
    buffer = io.StringIO()
    config = {**settings.LOGGING, "handlers": {}, "root": {"handlers": []}}
    config["handlers"]["buffer"] = {
        "class": "logging.StreamHandler",
        "stream": buffer,
        "filters": ["request_id"],
        "formatter": "json",
    }
    configurator = logging.config.DictConfigurator(config)
    configurator.configure()  # only builds the handler here: no logger is configured
    handler = logging._handlers["buffer"]
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield buffer
    logger.removeHandler(handler)
    logging.config.dictConfig(settings.LOGGING)


@pytest.mark.django_db
def test_a_log_line_written_during_a_request_carries_nginxs_request_id(client, json_log):
    client.get("/no-such-page/", HTTP_X_REQUEST_ID="5f2b9c0e4d1a4b7e8c3f2a1b0c9d8e7f")

    line = json.loads(json_log.getvalue().splitlines()[-1])
    assert line["request_id"] == "5f2b9c0e4d1a4b7e8c3f2a1b0c9d8e7f"
    assert line["level"] == "WARNING" and line["message"] == "Not Found: /no-such-page/"


@pytest.mark.django_db
def test_without_a_proxy_or_with_a_forged_id_the_app_makes_its_own(client, json_log):
    client.get("/no-such-page/", HTTP_X_REQUEST_ID="<script>")
    line = json.loads(json_log.getvalue().splitlines()[-1])
    assert len(line["request_id"]) == 32 and line["request_id"] != "<script>"


def test_sentry_is_off_unless_a_dsn_is_set_and_then_sends_no_personal_data():
    program = (
        "import django, sentry_sdk; django.setup(); client = sentry_sdk.get_client(); "
        "print(client.is_active(), client.options['send_default_pii'], "
        "client.options['max_request_body_size'])"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings"}
    off = subprocess.run(
        [sys.executable, "-c", program],
        cwd=ROOT,
        env=env,
        text=True,
        capture_output=True,
        check=True,
    )
    assert off.stdout.split()[0] == "False"

    env["SENTRY_DSN"] = "https://public@127.0.0.1:9/1"  # nothing is sent in this test
    on = subprocess.run(
        [sys.executable, "-c", program],
        cwd=ROOT,
        env=env,
        text=True,
        capture_output=True,
        check=True,
    )
    assert on.stdout.split() == ["True", "False", "never"]
