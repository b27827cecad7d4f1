"""Seeds the benchmark database: 100,000 articles (one in ten Sinhala, one in ten Tamil), 300
authors, 20 sections, shared images.

Run by bench/run.py with DJANGO_SETTINGS_MODULE and DATABASE_URL pointing at the bench database.
Idempotent: a database that already holds the articles is left as it is.
"""

import datetime
import itertools
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, ArticleAuthor, Category  # noqa: E402
from authors.models import Author  # noqa: E402
from demo.drawing import draw_lead_image  # noqa: E402
from editions.slugs import slugify  # noqa: E402
from images.renditions import make_renditions  # noqa: E402
from pages.models import Page  # noqa: E402

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "100000"))
AUTHORS = 300
SECTIONS = [
    "Local", "Business", "World", "Sport", "Entertainment", "Technology", "Politics", "Health",
    "Science", "Education", "Environment", "Crime", "Culture", "Travel", "Motoring", "Opinion",
    "Features", "Weather", "Religion", "Lifestyle",
]  # fmt: skip
IMAGES = 6
BATCH = 5000
# Words people search for, spread over the middle of a Zipf-like vocabulary so that each is in
# a few per cent of articles (as a topical word is in real news), not in every one.
TOPICAL = [
    "government", "minister", "council", "budget", "election", "harbour", "railway", "monsoon",
    "cricket", "festival", "hospital", "school", "farmers", "exports", "tourism", "court",
    "police", "river", "bridge", "market", "prices", "fuel", "power", "grid", "rainfall",
    "drought", "vaccine", "university", "airport", "fishermen", "tea", "rubber", "garment",
    "colombo", "flood", "warning", "resigns", "teachers", "strike", "doctors", "bank",
    "interest", "rates", "port", "city", "cuts",
]  # fmt: skip
SYLLABLES = [c + v for c in "bdgklmnprstvy" for v in "aeiou"]


# A few real words for the Sinhala and Tamil editions' headlines (one article in ten each).
EDITION_WORDS = {
    "si": ["ශ්\u200dරී", "ලංකා", "ක්\u200dරිකට්", "වරාය", "මැතිවරණය", "ආණ්ඩුව", "අයවැය", "දුම්රිය", "ගංවතුර"],
    "ta": ["இலங்கை", "தேர்தல்", "துறைமுகம்", "அரசாங்கம்", "வரவுசெலவு", "ரயில்", "வெள்ளம்", "கிரிக்கெட்"],
}


def edition_of(i):
    return {3: "si", 6: "ta"}.get(i % 10, "en")


def vocabulary():
    """About 6,000 filler words and the topical ones, with cumulative Zipf weights."""
    rng = random.Random(7)
    fillers = sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(9000)})
    words = fillers[:6000]
    rng.shuffle(words)
    for i, word in enumerate(TOPICAL):
        words.insert(300 + i * 60, word)
    weights = itertools.accumulate(1 / (rank + 10) for rank in range(len(words)))
    return words, list(weights)


WORDS, CUM_WEIGHTS = vocabulary()


def sentence(rng, low, high):
    words = rng.choices(WORDS, cum_weights=CUM_WEIGHTS, k=rng.randint(low, high))
    return " ".join(words).capitalize() + "."


def make_images():
    """A handful of lead images with the renditions the site makes, stored through the storage
    API (bulk_create skips the field that would make them on save)."""
    images = []
    for number in range(IMAGES):
        original = draw_lead_image(category_slug="", label=f"Bench {number}", seed=f"b{number}")
        name = default_storage.save(f"bench/lead-{number}.jpg", ContentFile(original))
        renditions, (width, height) = make_renditions(name=name, storage=default_storage)
        images.append(
            {
                "lead_image": name,
                "lead_image_width": width,
                "lead_image_height": height,
                "lead_image_bytes": len(original),
                "lead_image_renditions": renditions,
            }
        )
    return images


def seed():
    if Article.objects.count() >= ARTICLES:
        print(f"seed: {ARTICLES} articles already present, nothing to do")
        return
    if Article.objects.exists():
        sys.exit("seed: a partly seeded database; drop it (bench/run.py --reseed) and run again")
    rng = random.Random(20260101)
    started = time.monotonic()
    with transaction.atomic():
        categories = Category.objects.bulk_create(
            Category(name=name, slug=name.lower(), menu_position=i, description=f"{name} news.")
            for i, name in enumerate(SECTIONS)
        )
        authors = Author.objects.bulk_create(
            Author(name=f"Reporter {i}", slug=f"reporter-{i}", job_title="Reporter", bio="Bio.")
            for i in range(AUTHORS)
        )
        for position, title in enumerate(["About us", "Contact", "Privacy", "Terms"]):
            Page.objects.create(
                title=title, slug=title.split()[0].lower(), body="Text.", footer_position=position
            )
        images = make_images()

        now = timezone.now()
        for start in range(0, ARTICLES, BATCH):
            batch = []
            for i in range(start, min(start + BATCH, ARTICLES)):
                # Newest first, one every ten minutes; a few scheduled, drafts and unpublished.
                published_at = now - datetime.timedelta(minutes=10 * i + 5)
                status = Article.Status.PUBLISHED
                if i % 500 == 7:
                    status = Article.Status.DRAFT
                elif i % 1000 == 11:
                    status = Article.Status.UNPUBLISHED
                if i < 5:
                    published_at = now + datetime.timedelta(days=i + 1)  # scheduled
                body = "".join(f"<p>{sentence(rng, 40, 90)}</p>" for _ in range(rng.randint(4, 9)))
                language = edition_of(i)
                title, slug = sentence(rng, 6, 12)[:-1], f"story-{i}"
                if language != "en":
                    title = " ".join(rng.choices(EDITION_WORDS[language], k=rng.randint(4, 8)))
                    slug = f"{slugify(title, language=language)}-{i}"
                batch.append(
                    Article(
                        title=title,
                        slug=slug,
                        language=language,
                        standfirst=sentence(rng, 15, 30),
                        body=body,
                        category=categories[i % len(categories)],
                        status=status,
                        published_at=published_at,
                        url_date=timezone.localdate(published_at),
                        featured=i in (20, 40, 60),
                        breaking=i == 30,
                        breaking_until=now + datetime.timedelta(hours=6) if i == 30 else None,
                        lead_image_alt="A colour gradient with the section's name",
                        **(images[i % IMAGES] if i % 10 < 7 else {}),
                    )
                )
            created = Article.objects.bulk_create(batch)
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(article=article, author=person, position=position)
                for article in created
                for position, person in enumerate(rng.sample(authors, rng.randint(1, 3)))
            )
            print(f"seed: {start + len(batch)} articles", flush=True)
    print(f"seed: done in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    seed()
