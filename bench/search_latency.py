"""Search latency against an already-filled PostgreSQL database (not a test).

    DATABASE_URL=postgres://… SECRET_KEY=<50+ random characters> \
        .venv/bin/python bench/search_latency.py --repeat 10

Times `search_articles()` for a fixed list of queries: the first page of results evaluated (with
its snippets), and the same plus the result count that the search page's pagination needs.
Prints a markdown table with the median and 95th percentile per query and over all of them.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

from articles.models import Article  # noqa: E402
from articles.search import search_articles  # noqa: E402

QUERIES = [
    "election",
    "budget",
    "cricket",
    "colombo",
    "flood warning",
    "tea prices",
    "minister resigns",
    "central bank interest rates",
    '"port city"',
    '"power cuts"',
    "fuel -price",
    "rain or flood",
    "teachers strike colombo",
    "hospital doctors",
    "Perera",
    "tourism 2026",
    "ක්‍රිකට්",
    "தேர்தல்",
    "!!! ???",
    "x" * 300,
]


def _time(function):
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def _first_page(query):
    return list(search_articles(query)[: settings.PAGE_SIZE])


def _page_and_count(query):
    results = search_articles(query)
    return results.count(), list(results[: settings.PAGE_SIZE])


def _p95(samples):
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="timed runs per query (default 10)")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a filled PostgreSQL database: SQLite has no full-text index.")

    total = Article.objects.count()
    live = Article.objects.live().count()
    print(f"{total:,} articles ({live:,} live), {args.repeat} runs per query after one warm-up\n")
    print("| query | matches | first page median ms | p95 ms | with count median ms | p95 ms |")
    print("|---|---:|---:|---:|---:|---:|")
    every_page, every_count = [], []
    for query in QUERIES:
        matches, _ = _page_and_count(query)  # warm-up
        page = [_time(lambda q=query: _first_page(q)) for _ in range(args.repeat)]
        counted = [_time(lambda q=query: _page_and_count(q)) for _ in range(args.repeat)]
        every_page += page
        every_count += counted
        shown = query if len(query) <= 40 else f"{query[:20]}… ({len(query)} chars)"
        print(
            f"| `{shown}` | {matches:,} | {statistics.median(page):.1f} | {_p95(page):.1f} "
            f"| {statistics.median(counted):.1f} | {_p95(counted):.1f} |"
        )
    print(
        f"| **all queries** | | **{statistics.median(every_page):.1f}** "
        f"| **{_p95(every_page):.1f}** | **{statistics.median(every_count):.1f}** "
        f"| **{_p95(every_count):.1f}** |"
    )


if __name__ == "__main__":
    main()
