"""The election night desk: every 10 s an update to each live blog, every 5 s an edit saved to
an ordinary article, through the same services and signals as the admin, until stopped.
Arguments: a JSON file written by bench/election_setup.py."""

import itertools
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from articles import liveblog  # noqa: E402
from articles.models import Article  # noqa: E402

ENTRY_SECONDS, EDIT_SECONDS = 10, 5


def main():
    plan = json.loads(Path(sys.argv[1]).read_text())
    desk = get_user_model().objects.get(pk=plan["desk"])
    stories = itertools.cycle(plan["tail_ids"])
    tick = 0
    while True:
        started = time.monotonic()
        if tick % ENTRY_SECONDS == 0:
            for pk in plan["blog_ids"]:
                liveblog.live_entry_post(
                    article=Article.objects.get(pk=pk),
                    user=desk,
                    body=f"Result from polling division {tick}: turnout {60 + tick % 30}%.",
                )
        if tick % EDIT_SECONDS == 0:
            story = Article.objects.get(pk=next(stories))
            story.standfirst = f"{story.standfirst.split(' [')[0]} [edited at {tick}]"
            story.save()
        tick += 1
        time.sleep(max(0.0, 1 - (time.monotonic() - started)))


if __name__ == "__main__":
    main()
