"""'Translate into …': a linked draft in another edition, pre-filled with what needs no
translating; refused for the same, an unknown or an already translated edition."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from articles import services
from articles.models import Article, ArticleAuthor
from newsroom.roles import DESKS, WRITERS
from tests.articles.admin_forms import ADMIN, change_data, change_url
from tests.factories import ArticleFactory, AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db

VIDEO = (
    '<iframe src="https://www.youtube-nocookie.com/embed/abc123" width="560" height="315" '
    'title="Flood footage" allowfullscreen=""></iframe>'
)


@pytest.fixture
def source(settings):
    settings.VIDEO_EMBED_HOSTS = ["www.youtube-nocookie.com/embed/"]
    first, second = AuthorFactory(name="Ayesha Perera"), AuthorFactory(name="Kumar Raj")
    article = ArticleFactory(
        with_image=True,
        live=True,
        title="Floods close the Kelani bridge",
        body=f"<p>Water rose overnight.</p>{VIDEO}<p>Residents were moved.</p>",
        lead_image_caption="The bridge at dawn",
        lead_image_credit="Newsroom",
        authors=[first, (second, ArticleAuthor.Role.PHOTOS)],
    )
    return article


def test_translation_is_a_linked_draft_prefilled_with_what_needs_no_translating(editor, source):
    tamil = services.article_translate(article=source, user=editor, language="ta")

    tamil.refresh_from_db()
    assert tamil.language == "ta" and tamil.status == Article.Status.DRAFT
    assert tamil.translation_group == source.translation_group
    assert tamil.translated_from == source and tamil.created_by == editor
    assert tamil.title == "[To translate] Floods close the Kelani bridge"
    assert tamil.category == source.category
    assert tamil.body == VIDEO  # the embed alone, for the translator to place
    assert tamil.lead_image.name == source.lead_image.name  # the same stored file
    assert tamil.lead_image_renditions == source.lead_image_renditions
    assert (tamil.lead_image_alt, tamil.lead_image_caption, tamil.lead_image_credit) == (
        source.lead_image_alt,
        "The bridge at dawn",
        "Newsroom",
    )
    assert [(c.author.name, c.role) for c in tamil.article_authors.order_by("position")] == [
        ("Ayesha Perera", ""),
        ("Kumar Raj", "photos"),
    ]
    first_version = tamil.history.get()
    assert first_version.history_user == editor and len(first_version.bylines) == 2
    assert source.translations() == [tamil] and tamil.translations() == [source]


def test_publishing_the_source_again_changes_nothing_in_its_translation(editor, source):
    tamil = services.article_translate(article=source, user=editor, language="ta")
    services.article_move(article=source, user=editor, move=Article.Move.UNPUBLISH)
    tamil.refresh_from_db()
    assert tamil.status == Article.Status.DRAFT and tamil.published_at is None


def test_a_new_image_on_the_source_keeps_the_translations_renditions(
    editor, source, django_capture_on_commit_callbacks
):
    tamil = services.article_translate(article=source, user=editor, language="ta")
    storage = source.lead_image.storage
    shared = [item["name"] for item in tamil.lead_image_renditions["srcset"]]

    with django_capture_on_commit_callbacks(execute=True):
        source.lead_image = None
        source.save()

    assert all(storage.exists(name) for name in shared)


@pytest.mark.parametrize(
    "language, message",
    [
        ("en", "This article is already in that edition."),
        ("fr", "There is no edition “fr”."),
    ],
)
def test_translating_into_the_same_or_an_unknown_edition_is_refused(
    editor, source, language, message
):
    with pytest.raises(ValidationError) as refused:
        services.article_translate(article=source, user=editor, language=language)
    assert refused.value.messages == [message]
    assert Article.objects.count() == 1


def test_a_second_translation_into_the_same_edition_is_refused(editor, source):
    services.article_translate(article=source, user=editor, language="si")
    with pytest.raises(ValidationError) as refused:
        services.article_translate(article=source, user=editor, language="si")
    assert "The Sinhala edition already has this story" in refused.value.messages[0]
    assert Article.objects.filter(language="si").count() == 1


def test_a_desk_writer_translates_only_into_their_edition(source):
    writer = UserFactory(username="tamil-writer")
    writer.groups.add(*Group.objects.filter(name__in=[WRITERS, DESKS["ta"]]))
    with pytest.raises(PermissionDenied):
        services.article_translate(article=source, user=writer, language="si")
    tamil = services.article_translate(article=source, user=writer, language="ta")
    assert tamil.created_by == writer


def test_change_form_offers_a_button_per_untranslated_edition_and_lists_the_siblings(
    editor_client, editor, source
):
    page = editor_client.get(change_url(source)).content.decode()
    assert "Translate into Sinhala" in page and "Translate into Tamil" in page
    assert "This story is in no other edition yet." in page

    response = editor_client.post(f"{ADMIN}{source.pk}/translate/ta/", follow=True)
    tamil = Article.objects.get(language="ta")
    assert response.redirect_chain[-1][0] == change_url(tamil)
    page = response.content.decode()
    assert "A Tamil draft of this story was started" in page
    assert f'href="{change_url(source)}"' in page  # "Translated from" and the panel
    assert "Translate into English" not in page and "Translate into Sinhala" in page

    page = editor_client.get(change_url(source)).content.decode()
    assert "Translate into Tamil" not in page
    assert f'href="{change_url(tamil)}"' in page and "Draft" in page


def test_translating_again_through_the_admin_says_so_and_links_to_the_translation(
    editor_client, editor, source
):
    tamil = services.article_translate(article=source, user=editor, language="ta")
    response = editor_client.post(f"{ADMIN}{source.pk}/translate/ta/", follow=True)
    page = response.content.decode()
    assert "The Tamil edition already has this story" in page
    assert f'href="{change_url(tamil)}"' in page
    assert Article.objects.filter(language="ta").count() == 1


def test_translate_needs_a_post_and_a_signed_in_editor(editor_client, source):
    assert editor_client.get(f"{ADMIN}{source.pk}/translate/ta/").status_code == 405
    response = Client().post(f"{ADMIN}{source.pk}/translate/ta/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert Article.objects.count() == 1


def test_sales_staff_cannot_translate(sales_client, source):
    assert sales_client.post(f"{ADMIN}{source.pk}/translate/ta/").status_code == 403
    assert Article.objects.count() == 1


def test_the_translation_draft_saves_through_the_ordinary_form(editor_client, editor, source):
    tamil = services.article_translate(article=source, user=editor, language="ta")
    editor_client.post(change_url(tamil), change_data(tamil, title="களனி பாலம் மூடப்பட்டது"))
    tamil.refresh_from_db()
    assert tamil.title == "களனி பாலம் மூடப்பட்டது" and tamil.language == "ta"
