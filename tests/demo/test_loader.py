from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article, Category
from authors.models import Author
from demo.loader import load_demo
from pages.models import Page


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def snapshot(media_root):
    """What a second run must leave untouched: rows, their save times, images and files."""
    return {
        "articles": set(Article.objects.values_list("pk", "updated_at", "lead_image")),
        "categories": set(Category.objects.values_list("pk", "updated_at")),
        "authors": set(Author.objects.values_list("pk", "updated_at")),
        "pages": set(Page.objects.values_list("pk", "updated_at")),
        "files": {path for path in media_root.rglob("*") if path.is_file()},
    }


@pytest.mark.django_db
def test_demo_fills_the_menu_the_bylines_and_the_footer(media_root):
    counts = load_demo()

    assert counts["categories"] == 6
    assert list(Category.objects.in_menu()) == list(Category.objects.all())
    assert [c.name for c in Category.objects.in_menu()][:2] == ["Local", "Business"]
    assert Author.objects.count() == 8
    assert Author.objects.filter(name="Asma Hussain", job_title__gt="").exists()
    assert set(Page.objects.values_list("slug", flat=True)) == {
        "about",
        "contact",
        "privacy",
        "terms",
    }


@pytest.mark.django_db
def test_every_live_demo_article_has_a_lead_image_a_byline_and_a_body(media_root):
    load_demo()

    live = Article.objects.live()
    assert Article.objects.count() >= 60
    assert live.count() >= 55
    assert Article.objects.values("title").distinct().count() == Article.objects.count()
    for article in live.prefetch_related("article_authors"):
        assert 1 <= article.article_authors.count() <= 3
        assert article.lead_image_width == 1600 and article.lead_image_height == 900
        assert article.lead_image_bytes == article.lead_image.size
        assert article.lead_image_alt and article.lead_image_caption and article.standfirst
        assert 4 <= article.body.count("<p>") <= 6
        assert article.url_date == timezone.localdate(article.published_at)
    oldest = live.order_by("published_at").first().published_at
    assert timezone.now() - oldest > timedelta(days=20)


@pytest.mark.django_db
def test_demo_has_one_recent_breaking_story_and_a_recent_featured_one(media_root):
    load_demo()

    live = Article.objects.live()
    breaking = live.breaking_now().get()
    assert timezone.now() - breaking.published_at < timedelta(hours=1)
    assert Article.objects.filter(breaking=True).count() == 1
    assert 4 <= live.featured_now().count() <= 6
    newest_featured = live.featured_now().latest_first().first()
    assert timezone.now() - newest_featured.published_at < timedelta(hours=6)


@pytest.mark.django_db
def test_demo_drafts_review_and_scheduled_stories_stay_off_the_site(media_root):
    load_demo()

    statuses = Article.objects.exclude(pk__in=Article.objects.live()).values_list(
        "status", flat=True
    )
    assert sorted(statuses) == ["draft", "draft", "published", "review"]
    scheduled = Article.objects.get(status="published", published_at__gt=timezone.now())
    assert scheduled.is_scheduled
    assert timezone.now() + timedelta(days=1) < scheduled.published_at


@pytest.mark.django_db
def test_loading_the_demo_twice_creates_and_changes_nothing(media_root):
    load_demo()
    before = snapshot(media_root)

    counts = load_demo()

    assert set(counts.values()) == {0}
    assert snapshot(media_root) == before


@pytest.mark.django_db
def test_loading_the_demo_again_draws_a_missing_lead_image(media_root):
    load_demo()
    article = Article.objects.live().first()
    article.lead_image.delete(save=True)

    counts = load_demo()

    assert counts == {"categories": 0, "authors": 0, "pages": 0, "articles": 0, "images": 1}
    article.refresh_from_db()
    assert article.lead_image and article.lead_image_bytes == article.lead_image.size


@pytest.mark.django_db
def test_load_demo_command_prints_a_one_line_summary(media_root, capsys):
    call_command("load_demo")

    output = capsys.readouterr().out.strip()
    assert output.startswith("Demo content loaded:")
    assert "6 categories" in output and "\n" not in output
