"""The demo loads the Sinhala and Tamil editions too: their own stories, translations linked to
English ones, and sections, pages and author profiles worded in each language."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation

from articles import permissions
from articles.models import Article, Category
from authors.models import Author
from demo.loader import load_demo
from pages.models import Page

SINHALA = re.compile(r"[\u0D80-\u0DFF]")
TAMIL = re.compile(r"[\u0B80-\u0BFF]")
SCRIPTS = {"si": SINHALA, "ta": TAMIL}


@pytest.fixture
def loaded(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return load_demo()


@pytest.mark.django_db
def test_each_edition_has_live_stories_some_linked_to_english_ones(loaded):
    for language, script in SCRIPTS.items():
        stories = Article.objects.live().filter(language=language)
        assert 5 <= stories.count() <= 6
        for story in stories.prefetch_related("article_authors"):
            assert script.search(story.title) and script.search(story.standfirst)
            assert script.search(story.body) and script.search(story.lead_image_alt)
            assert story.lead_image and story.article_authors.exists()
        translations = stories.exclude(translated_from=None).select_related("translated_from")
        assert translations.count() >= 2
        for story in translations:
            english = story.translated_from
            assert english.language == "en" and english.is_live
            assert story.translation_group == english.translation_group
            assert story.lead_image.name == english.lead_image.name

    flood = Article.objects.get(title__startswith="Flood warning issued for five districts")
    assert {sibling.language for sibling in flood.translations()} == {"si", "ta"}


@pytest.mark.django_db
def test_sections_pages_and_author_profiles_are_worded_in_each_edition(loaded):
    for language, script in SCRIPTS.items():
        with translation.override(language):
            assert all(script.search(section.name) for section in Category.objects.all())
            for page in Page.objects.filter(slug__in=["about", "contact", "privacy", "terms"]):
                assert script.search(page.title) and script.search(page.body)
            asma = Author.objects.get(slug="asma-hussain")
            assert script.search(asma.job_title) and script.search(asma.bio)
    with translation.override("ta"):
        # No Tamil bio was written for him: the English one stands in.
        assert Author.objects.get(slug="dinesh-wickramasinghe").bio.startswith("Dinesh writes")
    assert Category.objects.get(slug="sport").name == "Sport"
    assert Page.objects.get(slug="about").title == "About us"

    assert load_demo()["articles"] == 0  # a second run adds nothing


@pytest.mark.django_db
def test_demo_accounts_include_a_tamil_desk_editor(settings):
    settings.DEBUG = True
    call_command("demo_accounts", stdout=StringIO())
    tamil_editor = get_user_model().objects.get(username="tamil-editor")
    assert permissions.desks(tamil_editor) == ["ta"] and permissions.can_publish(tamil_editor)
    assert permissions.desks(get_user_model().objects.get(username="editor")) == ["en", "si", "ta"]
