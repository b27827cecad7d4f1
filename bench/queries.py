"""Helpers bench/run.py runs against the bench database, printing JSON.

`python bench/queries.py --sample`: addresses of a recent article (its page and its API item),
a section and an author.
`python bench/queries.py / /latest/ …`: the SQL queries each URL costs when rendered (page cache
off); the first request warms the menu and footer caches, as on a running site.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ["PAGE_CACHE"] = "false"

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from articles.models import Article  # noqa: E402


def count(client, url):
    queries = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    client.get(url)
    with connection.execute_wrapper(record):
        response = client.get(url)
    return {"status": response.status_code, "queries": len(queries)}


def sample():
    article = Article.objects.live().in_edition("en").latest_first().for_listing()[3]
    sinhala = Article.objects.live().in_edition("si").latest_first()[3]
    return {
        "sinhala_article": sinhala.get_absolute_url(),
        "article": article.get_absolute_url(),
        "api_article": f"/api/v1/articles/{article.pk}/",
        "category": article.category.get_absolute_url(),
        "author": article.credit_list[0].author.get_absolute_url(),
    }


if __name__ == "__main__":
    if sys.argv[1:] == ["--sample"]:
        print(json.dumps(sample()))
    else:
        client = Client(HTTP_HOST="127.0.0.1")
        print(json.dumps({url: count(client, url) for url in sys.argv[1:]}))
