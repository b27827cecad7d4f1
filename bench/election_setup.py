"""Prepares the election-night workload in the bench database and prints it as JSON: three
open live blogs (with 30 updates each), the desk's login, and a long tail of article addresses.
Run by bench/election_night.py with the bench server's environment."""

import datetime
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, Coverage, LiveEntry  # noqa: E402

LIVE_BLOGS = 3
TAIL = int(os.environ.get("BENCH_TAIL", "300"))


def main():
    desk = get_user_model().objects.get_or_create(
        username="bench-desk", defaults={"is_staff": True, "is_superuser": True}
    )[0]
    live = Article.objects.live().in_edition("en").latest_first()
    blogs = list(live.filter(coverage=Coverage.OPEN)[:LIVE_BLOGS])
    for article in live.exclude(coverage=Coverage.OPEN)[: LIVE_BLOGS - len(blogs)]:
        article.open_coverage()
        article.save()
        start = timezone.now() - datetime.timedelta(hours=2)
        LiveEntry.objects.bulk_create(
            LiveEntry(
                article=article,
                body=f"<p>Earlier update {n} of the count in district {n}.</p>",
                posted_at=start + datetime.timedelta(minutes=3 * n),
            )
            for n in range(30)
        )
        blogs.append(article)
    tail = list(live.exclude(pk__in=[blog.pk for blog in blogs]).order_by("?")[:TAIL])
    print(
        json.dumps(
            {
                "desk": desk.pk,
                "blogs": [blog.get_absolute_url() for blog in blogs],
                "blog_ids": [blog.pk for blog in blogs],
                "tail": [article.get_absolute_url() for article in tail],
                "tail_ids": [article.pk for article in tail],
            }
        )
    )


if __name__ == "__main__":
    main()
