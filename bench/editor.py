"""The editors' side of the edge benchmark (bench/edge.py runs it against the bench database).

`python bench/editor.py --paths N`: the addresses readers ask for (front pages, latest, sections,
the N newest articles of each edition), one a line.
`python bench/editor.py --edit EDGE_URL --every S --for D`: every S seconds for D seconds, an
editor saves a correction to the headline of one of the newest English articles; after each save
the article's page is fetched through the edge until it shows the new headline. Prints the
seconds from each save's commit to the change being visible, as JSON.
"""

import argparse
import json
import os
import random
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.utils import translation  # noqa: E402
from django.utils.encoding import iri_to_uri  # noqa: E402

from articles.models import Article, Category  # noqa: E402


def paths(newest: int) -> list[str]:
    found = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
            found += [f"{prefix}/", f"{prefix}/latest/"]
            found += [category.get_absolute_url() for category in Category.objects.all()]
            live = Article.objects.live().filter(language=code).order_by("-published_at")
            found += [article.get_absolute_url() for article in live[:newest]]
    return [iri_to_uri(path) for path in found]


def visible(url: str, text: str) -> bool:
    with urllib.request.urlopen(url, timeout=10) as response:
        return text in response.read().decode()


def edit(edge: str, every: float, duration: float) -> list[float]:
    candidates = list(Article.objects.live().filter(language="en").order_by("-published_at")[:20])
    delays, ends = [], time.monotonic() + duration
    for number in range(1, 10**6):
        if time.monotonic() >= ends:
            break
        article = random.choice(candidates)
        article.refresh_from_db()
        article.title = f"{article.title.split(' [')[0]} [correction {number}]"
        article.save()  # autocommit: committed when it returns
        saved = time.monotonic()
        url = edge + iri_to_uri(article.get_absolute_url())
        while not visible(url, f"[correction {number}]"):
            if time.monotonic() - saved > 30:
                break
            time.sleep(0.02)
        delays.append(time.monotonic() - saved)
        time.sleep(max(0.0, every - (time.monotonic() - saved)))
    return delays


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--paths", type=int)
    parser.add_argument("--edit")
    parser.add_argument("--every", type=float, default=2.0)
    parser.add_argument("--for", dest="duration", type=float, default=30.0)
    args = parser.parse_args()
    if args.paths:
        print("\n".join(paths(args.paths)))
    else:
        print(json.dumps(edit(args.edit, args.every, args.duration)))
