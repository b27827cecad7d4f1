"""Admin speed against an already-filled PostgreSQL database (not a test).

    make bench-admin        # fills newsroom_bench once, like make bench, then runs this

or, against a database of your own:

    DATABASE_URL=postgres://… SECRET_KEY=<50+ random characters> \
        .venv/bin/python bench/admin_speed.py --repeat 20

Requests the article admin's pages in-process (Django's test client, the full middleware
stack, DEBUG off) as a superuser, after one warming request each, and prints a markdown table:
median and 95th percentile time, the median CPU time of the Django process alone (steadier than
wall time on a busy machine: PostgreSQL's share is not in it), and the SQL queries per page.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from articles.models import Article, Category  # noqa: E402

LIST = "/admin/articles/article/"


def pages():
    """(name, path) of each page measured; ids come from the data."""
    article = Article.objects.filter(status=Article.Status.PUBLISHED).order_by("-pk").first()
    section = Category.objects.order_by("pk").first()
    # As the "Past 7 days" link writes them: local midnights with their offset.
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    week = urlencode(
        {
            "published_at__gte": str(midnight - datetime.timedelta(days=7)),
            "published_at__lt": str(midnight + datetime.timedelta(days=1)),
        }
    )
    return [
        ("list", LIST),
        ("list, page 500", f"{LIST}?p=500"),
        ("search: one word", f"{LIST}?q=harbour"),
        ("search: two words", f"{LIST}?q=minister+resigns"),
        ("search: a byline", f"{LIST}?q=%22Reporter+12%22"),
        ("search: no match", f"{LIST}?q=zzzzqqq"),
        ("filter: status draft", f"{LIST}?status__exact=draft"),
        ("filter: status published", f"{LIST}?status__exact=published"),
        ("filter: section", f"{LIST}?category__id__exact={section.pk}"),
        ("filter: edition", f"{LIST}?edition=ta"),
        ("filter: past 7 days", f"{LIST}?{week}"),
        ("filter: search + status", f"{LIST}?q=harbour&status__exact=published"),
        ("change form", f"{LIST}{article.pk}/change/"),
        ("add form", f"{LIST}add/"),
    ]


def _p95(samples):
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per page (20)")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a filled PostgreSQL database (see bench/seed.py).")
    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    # A superuser must sign in with a second factor (accounts.middleware): the session is
    # marked as verified by a device, as the two-step login would leave it.
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    total = Article.objects.count()
    print(f"{total:,} articles; {args.repeat} timed requests per page after one warming request\n")
    print("| page | median ms | p95 ms | app CPU ms | queries |")
    print("|---|---:|---:|---:|---:|")
    for name, path in pages():
        response = client.get(path)
        if response.status_code != 200:
            sys.exit(f"{path}: HTTP {response.status_code}")
        samples, cpu = [], []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                start, start_cpu = time.perf_counter(), time.process_time()
                client.get(path)
                samples.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
        median, app = statistics.median(samples), statistics.median(cpu)
        print(
            f"| {name} | {median:.0f} | {_p95(samples):.0f} | {app:.0f} | {len(queries)} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
