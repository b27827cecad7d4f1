"""The benchmark's baseline page exists only under the bench settings, never on the site."""

import pytest

from bench import settings as bench_settings

pytestmark = pytest.mark.django_db


def test_the_site_has_no_benchmark_address_or_setting(client, settings):
    assert client.get("/bench/baseline/").status_code == 404
    assert not hasattr(settings, "BENCH_BASELINE")


def test_bench_settings_answer_the_baseline_and_still_cache_reader_pages(client, settings):
    settings.ROOT_URLCONF = bench_settings.ROOT_URLCONF
    settings.MIDDLEWARE = bench_settings.MIDDLEWARE

    baseline = client.get("/bench/baseline/")
    client.get("/")
    home = client.get("/")

    assert (baseline.status_code, baseline.content) == (200, b"ok")
    assert "no-cache" in baseline["Cache-Control"]
    assert "X-Page-Cache" not in baseline
    assert home["X-Page-Cache"] == "hit"
