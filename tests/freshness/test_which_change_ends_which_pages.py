"""The README's table "which change ends which pages", a test per row: a change ends exactly the
cached pages that show what it touched, and the others stay cached."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article, Correction, Coverage
from brand.models import SiteSettings
from freshness.signals import tags_bumped, tags_of_change
from pages.models import Page
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, LiveEntryFactory

pytestmark = pytest.mark.django_db


class Site:
    """Two sections, a dozen stories, a Sinhala edition: enough that an old story is on no
    front page or Latest News, and each page below is cached before the change."""

    def __init__(self, client):
        self.client = client
        now = timezone.now()
        self.local = CategoryFactory(slug="local", name="Local")
        self.sport = CategoryFactory(slug="sport", name="Sport")
        self.reporter = AuthorFactory(slug="asma", name="Asma Hussain")
        self.old = ArticleFactory(
            live=True,
            category=self.sport,
            title="Old cricket story",
            published_at=now - datetime.timedelta(days=3),
        )
        for hours in range(2, 14):
            category = self.sport if hours < 7 else self.local
            ArticleFactory(
                live=True,
                category=category,
                published_at=now - datetime.timedelta(hours=hours),
            )
        self.story = ArticleFactory(
            live=True,
            category=self.local,
            title="Harbour reopens",
            authors=[self.reporter],
            published_at=now - datetime.timedelta(minutes=30),
        )
        self.sinhala = ArticleFactory(live=True, language="si", category=self.local)
        self.pages = {
            "front": "/",
            "story": self.story.get_absolute_url(),
            "old story": self.old.get_absolute_url(),
            "latest": "/latest/",
            "local": "/category/local/",
            "sport": "/category/sport/",
            "reporter": "/author/asma/",
            "sinhala front": "/si/",
            "sinhala story": self.sinhala.get_absolute_url(),
            "sitemap": "/sitemap-articles.xml",
        }
        self.warm()

    def warm(self):
        for path in self.pages.values():
            assert self.client.get(path).status_code == 200, path
            assert self.client.get(path).get("X-Page-Cache") == "hit", path

    def ended(self):
        """The names of the pages no longer answered from the cache."""
        return {
            name
            for name, path in self.pages.items()
            if self.client.get(path).get("X-Page-Cache") != "hit"
        }


@pytest.fixture
def site(client):
    return Site(client)


def test_editing_an_old_story_ends_its_page_and_the_lists_showing_it_only(site):
    site.old.title = "Old cricket story, corrected headline"
    site.old.save()
    assert site.ended() == {"old story", "sport", "latest", "sitemap"}


def test_editing_a_story_on_the_front_ends_every_page_showing_it(site):
    site.story.standfirst = "Ships are back."
    site.story.save()
    # Every English article page shows it in Latest News; the sport list does not.
    assert site.ended() == {"front", "story", "old story", "latest", "local", "reporter", "sitemap"}


def test_publishing_a_story_ends_its_editions_lists_and_article_pages_only(site):
    draft = ArticleFactory(category=site.sport, title="Late wicket")
    assert site.ended() == {"sitemap"}  # a draft shows nowhere
    draft.publish()
    draft.save()
    assert site.ended() == {"front", "story", "old story", "latest", "sport", "sitemap"}


def test_saving_a_draft_ends_no_reader_page(site):
    draft = ArticleFactory(category=site.local, authors=[site.reporter])
    draft.title = "Still being written"
    draft.save()
    assert site.ended() <= {"sitemap", "reporter"}
    assert "front" not in site.ended()


def test_a_byline_ends_the_story_and_the_authors_pages(site):
    other = AuthorFactory()
    site.old.article_authors.create(author=other, position=5)
    assert site.ended() == {"old story", "sport", "latest", "sitemap"}
    site.old.article_authors.create(author=site.reporter, position=6)
    assert site.ended() == {"old story", "sport", "latest", "reporter", "sitemap"}


def test_an_author_profile_edit_ends_the_pages_showing_that_author(site):
    site.reporter.job_title = "Harbour correspondent"
    site.reporter.save()
    # The front page's lead shows its byline; the old story has another author.
    assert site.ended() == {"front", "story", "reporter", "sitemap"}


def test_renaming_a_section_ends_every_page_of_every_edition(site):
    site.sport.name = "Sports"
    site.sport.save()
    assert site.ended() == set(site.pages)


def test_editing_a_fixed_page_ends_every_page_of_every_edition(site):
    Page.objects.create(title="About us", slug="about", body="<p>Who we are.</p>")
    assert site.ended() == set(site.pages)


def test_saving_the_site_settings_ends_every_page_of_every_edition(site):
    settings = SiteSettings.load()
    settings.primary_colour = "#004488"
    settings.save()
    assert site.ended() == set(site.pages)


def test_a_breaking_flag_ends_every_page_of_its_edition_only(site):
    site.old.breaking = True
    site.old.save()
    assert site.ended() == set(site.pages) - {"sinhala front", "sinhala story"}


def test_a_correction_ends_the_story_and_the_lists_showing_it(site):
    Correction.objects.create(article=site.old, text="An earlier version misnamed the ground.")
    assert site.ended() == {"old story", "sport", "latest", "sitemap"}


def test_a_sinhala_edit_ends_only_sinhala_pages_and_the_sitemap(site):
    site.sinhala.title = "නව සිරස්තලය"
    site.sinhala.save()
    assert site.ended() == {"sinhala front", "sinhala story", "sitemap"}


def test_a_story_leaving_ends_the_pages_that_listed_it(site):
    site.old.unpublish()
    site.old.save()
    # The edition's lists by time changed: every page with Latest News ends.
    assert site.ended() == {"front", "story", "old story", "latest", "sport", "sitemap"}
    Article.objects.get(pk=site.story.pk).delete()
    assert {"front", "story", "local", "reporter"} <= site.ended()


def test_a_live_update_ends_its_live_blogs_page_polling_and_feed_only(site):
    live = ArticleFactory(live=True, category=site.local, coverage=Coverage.OPEN)
    url = live.get_absolute_url()
    site.pages |= {"live blog": url, "polling": f"{url}since/?since=0", "live feed": f"{url}rss/"}
    site.warm()
    LiveEntryFactory(article=live, body="<p>First result declared.</p>")
    # The front page, lists and banner show the live blog's headline, not its updates.
    assert site.ended() == {"live blog", "polling", "live feed"}
    assert "First result declared." in site.client.get(url).text


def test_opening_or_ending_coverage_ends_the_pages_flagging_it(site):
    site.old.coverage = Coverage.OPEN
    site.old.save()
    # Its "Live" flag on its page and lists, and the banner on every English page.
    assert site.ended() == set(site.pages) - {"sinhala front", "sinhala story"}


def test_a_page_carries_its_tags_and_a_change_announces_the_tags_it_ended(
    client, django_capture_on_commit_callbacks
):
    story = ArticleFactory(live=True)
    rendered = client.get(story.get_absolute_url())
    shown = {f"article:{story.pk}", f"section:{story.category_id}", "latest:en", "chrome"}
    assert shown <= rendered.cache_tags
    assert client.get(story.get_absolute_url()).cache_tags == rendered.cache_tags  # a hit

    announced = []

    def receive(*, tags, **kwargs):
        announced.append(tags)

    tags_bumped.connect(receive)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            story.title = "Harbour reopens to container ships"
            story.save()
    finally:
        tags_bumped.disconnect(receive)
    assert announced == [frozenset({f"article:{story.pk}", "edition:en"})]
    assert announced[0] == tags_of_change(story, before=story)
