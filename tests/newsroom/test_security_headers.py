"""Every response carries the Content-Security-Policy and Permissions-Policy headers, the same
for a page rendered now and one replayed from the page cache, and without a nonce on reader
pages (they are cached whole)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def _directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def test_reader_pages_rendered_and_cached_carry_the_same_strict_policy(client):
    article = ArticleFactory(live=True)
    rendered = client.get(article.get_absolute_url())
    replayed = client.get(article.get_absolute_url())
    assert replayed["X-Page-Cache"] == "hit"
    assert rendered["Content-Security-Policy"] == replayed["Content-Security-Policy"]
    directives = _directives(replayed)
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["frame-src"] == [
        "https://www.youtube.com/embed/",
        "https://www.youtube-nocookie.com/embed/",
        "https://www.facebook.com/plugins/video.php",
    ]
    assert not any(
        "*" in value or "unsafe" in value for values in directives.values() for value in values
    )
    assert "camera=()" in replayed["Permissions-Policy"]


@pytest.mark.parametrize(
    "path", ["/", "/no-such-page/", "/admin/login/", "/feeds/rss/", "/favicon.ico"]
)
def test_every_kind_of_response_carries_both_headers(client, path):
    response = client.get(path)
    response.close()  # a static file's response holds the file open
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_frames_and_images_follow_the_configured_players_and_media_hosts():
    probe = (
        "import django; django.setup(); from django.test import Client; "
        "print(Client().get('/favicon.ico')['Content-Security-Policy'])"
    )
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "VIDEO_EMBED_HOSTS": "player.station.example/embed/,tv.station.example",
        "AWS_STORAGE_BUCKET_NAME": "newsroom-media",
        "AWS_S3_CUSTOM_DOMAIN": "media.station.example",
        "STATIC_URL": "https://static.station.example/assets/",
    }
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    policy = dict(
        (name, values) for name, *values in (part.split() for part in result.stdout.split(";"))
    )
    assert policy["frame-src"][-2:] == [
        "https://player.station.example/embed/",
        "https://tv.station.example",
    ]
    assert policy["img-src"] == [
        "'self'",
        "https://static.station.example",
        "https://media.station.example",
    ]
    assert policy["script-src"] == ["'self'", "https://static.station.example"]


def test_a_changed_policy_setting_applies_to_the_next_response(client, settings):
    assert "object-src 'none'" in client.get("/").headers["Content-Security-Policy"]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    assert client.get("/").headers["Content-Security-Policy"] == "default-src 'none'"


def test_the_article_form_gets_a_fresh_nonce_in_each_response(admin_client):
    policies = [admin_client.get("/admin/articles/article/add/") for _ in range(2)]
    nonces = [_directives(response)["script-src"][-1] for response in policies]
    assert all(nonce.startswith("'nonce-") for nonce in nonces)
    assert nonces[0] != nonces[1]
    assert f'<script type="importmap" nonce="{nonces[0][7:-1]}">' in policies[0].text
