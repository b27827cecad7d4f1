"""Sections, fixed pages and author profiles are worded per edition (a column per language in
the same table), with English wherever a translation is missing."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from articles.models import Category
from authors.models import Author
from pages.models import Page
from tests.factories import AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def test_each_edition_reads_its_own_words_and_english_where_none_were_written():
    section = CategoryFactory(name="Sport", slug="sport")
    section.name_ta = "விளையாட்டு"
    section.save()

    with translation.override("ta"):
        assert Category.objects.get(pk=section.pk).name == "விளையாட்டு"
    with translation.override("si"):
        assert Category.objects.get(pk=section.pk).name == "Sport"
    assert Category.objects.get(pk=section.pk).name == "Sport"


def test_a_sections_address_is_the_same_in_every_edition():
    section = CategoryFactory(name="Business", slug="business", name_si="ව්‍යාපාර")
    addresses = set()
    for language in ("en", "si", "ta"):
        with translation.override(language):
            addresses.add(Category.objects.get(pk=section.pk).get_absolute_url())
    assert addresses == {"/category/business/"}


def test_translations_live_in_the_same_row_so_reading_one_needs_no_join():
    CategoryFactory(slug="local")
    with translation.override("ta"), CaptureQueriesContext(connection) as queries:
        list(Category.objects.all())
    assert len(queries) == 1 and "JOIN" not in queries[0]["sql"].upper()


def test_fixed_pages_and_author_profiles_fall_back_to_english():
    page = Page.objects.create(
        title="About us", slug="about", body="<p>Who we are.</p>", title_si="අප ගැන"
    )
    author = AuthorFactory(job_title="Political editor", bio="Covers parliament.")
    author.bio_ta = "நாடாளுமன்றச் செய்திகளை எழுதுகிறார்."
    author.save()

    with translation.override("si"):
        page = Page.objects.get(pk=page.pk)
        assert (page.title, page.body) == ("අප ගැන", "<p>Who we are.</p>")
    with translation.override("ta"):
        author = Author.objects.get(pk=author.pk)
        assert (author.job_title, author.bio) == (
            "Political editor",
            "நாடாளுமன்றச் செய்திகளை எழுதுகிறார்.",
        )


def test_the_admin_shows_a_field_per_edition_and_requires_only_english(editor_client):
    page = editor_client.get("/admin/articles/category/add/").content.decode()
    for language in ("en", "si", "ta"):
        assert f'name="name_{language}"' in page
    response = editor_client.post(
        "/admin/articles/category/add/",
        {"name_en": "", "name_ta": "உலகம்", "slug": "world", "menu_position": 1},
    )
    assert "This field is required." in response.content.decode()
    assert not Category.objects.filter(slug="world").exists()


@pytest.mark.django_db(transaction=True)
def test_migrating_copies_existing_text_into_the_english_columns():
    executor = MigrationExecutor(connection)
    before = [("articles", "0011_desks_and_translation_sources"), ("pages", "0001_initial")]
    after = [("articles", "0012_per_edition_text"), ("pages", "0002_per_edition_text")]
    try:
        executor.migrate(before)
        old_apps = executor.loader.project_state(before).apps
        old_apps.get_model("articles", "Category").objects.create(
            name="Local", slug="local", description="News from home."
        )
        old_apps.get_model("pages", "Page").objects.create(
            title="Terms", slug="terms", body="<p>The rules.</p>"
        )
        executor.loader.build_graph()
        executor.migrate(after)
        new_apps = executor.loader.project_state(after).apps
        section = new_apps.get_model("articles", "Category").objects.get(slug="local")
        assert (section.name_en, section.description_en) == ("Local", "News from home.")
        assert section.name_si is None
        terms = new_apps.get_model("pages", "Page").objects.get(slug="terms")
        assert (terms.title_en, terms.body_en) == ("Terms", "<p>The rules.</p>")
    finally:
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_admin_lists_and_forms_of_translated_models_open(editor_client):
    section = CategoryFactory(slug="local", name="Local")
    page = Page.objects.create(title="Terms", slug="terms", body="<p>Rules.</p>")
    author = AuthorFactory()
    for url in [
        "/admin/articles/category/",
        f"/admin/articles/category/{section.pk}/change/",
        "/admin/pages/page/",
        f"/admin/pages/page/{page.pk}/change/",
        "/admin/authors/author/",
        f"/admin/authors/author/{author.pk}/change/",
    ]:
        response = editor_client.get(url)
        assert response.status_code == 200, url
    assert 'name="bio_ta"' in response.content.decode()  # the author's form, last
