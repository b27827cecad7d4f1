"""Desks: a staff member in a desk group works only in that desk's editions, everywhere the
rules are asked (change form, workflow buttons, list actions, preview, versions, services)."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import Client

from articles import permissions, services
from articles.models import Article
from newsroom.roles import DESKS, EDITORS, WRITERS
from tests.articles.admin_forms import ADMIN, add_data, change_data, change_url
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db


def _staff(username, *groups):
    user = UserFactory(username=username)
    user.groups.add(*Group.objects.filter(name__in=groups))
    client = Client()
    client.force_login(user)
    return user, client


@pytest.fixture
def tamil_editor():
    return _staff("tamil-editor", EDITORS, DESKS["ta"])


@pytest.fixture
def tamil_writer():
    return _staff("tamil-writer", WRITERS, DESKS["ta"])


@pytest.fixture
def stories():
    return {
        "en_draft": ArticleFactory(title="English draft", language="en"),
        "en_live": ArticleFactory(title="English live", language="en", live=True),
        "ta_draft": ArticleFactory(title="Tamil draft", language="ta"),
        "ta_live": ArticleFactory(title="Tamil live", language="ta", live=True),
    }


def _retitled(client, article):
    response = client.post(change_url(article), change_data(article, title="Retitled"))
    article.refresh_from_db()
    return response, article.title == "Retitled"


def test_every_edition_has_a_desk_group_holding_only_its_permission(settings):
    assert set(DESKS) == {code for code, _name in settings.LANGUAGES}
    for language, name in DESKS.items():
        codenames = Group.objects.get(name=name).permissions.values_list("codename", flat=True)
        assert list(codenames) == [f"desk_{language}"]


def test_a_user_on_no_desk_works_in_every_edition(editor, writer):
    assert permissions.desks(editor) == ["en", "si", "ta"]
    assert permissions.desks(writer) == ["en", "si", "ta"]


def test_a_user_on_two_desks_works_in_both(settings):
    user, _client = _staff("bilingual", EDITORS, DESKS["si"], DESKS["ta"])
    assert permissions.desks(user) == ["si", "ta"]


def test_tamil_desk_editor_edits_and_publishes_tamil_only(tamil_editor, stories):
    _user, client = tamil_editor
    assert _retitled(client, stories["ta_draft"])[1]
    response, changed = _retitled(client, stories["en_draft"])
    assert response.status_code == 403 and not changed

    client.post(
        change_url(stories["ta_draft"]), change_data(stories["ta_draft"], workflow="publish")
    )
    stories["ta_draft"].refresh_from_db()
    assert stories["ta_draft"].is_live


def test_tamil_desk_editor_sees_no_workflow_buttons_on_an_english_story(tamil_editor, stories):
    user, _client = tamil_editor
    assert permissions.workflow_actions(user, stories["en_live"]) == []
    assert Article.Move.UNPUBLISH in permissions.workflow_actions(user, stories["ta_live"])


@pytest.mark.parametrize(
    "service, kwargs",
    [
        (services.article_move, {"move": Article.Move.UNPUBLISH}),
        (services.article_feature, {"featured": True}),
        (services.article_mark_breaking, {"breaking": True}),
        (services.article_end_preview_links, {}),
    ],
    ids=["unpublish", "feature", "breaking", "end-preview-links"],
)
def test_services_refuse_a_desk_editor_outside_their_edition(
    tamil_editor, stories, service, kwargs
):
    user, _client = tamil_editor
    article = stories["en_live"]
    with pytest.raises(PermissionDenied):
        service(article=article, user=user, **kwargs)
    article.refresh_from_db()
    assert article.is_live and not article.featured and not article.breaking


def test_list_actions_skip_articles_of_other_editions(tamil_editor, stories):
    _user, client = tamil_editor
    chosen = [stories["en_live"], stories["ta_live"]]
    response = client.post(
        ADMIN, {"action": "unpublish", "_selected_action": [a.pk for a in chosen]}, follow=True
    )
    for article in chosen:
        article.refresh_from_db()
    assert stories["en_live"].is_live
    assert stories["ta_live"].status == Article.Status.UNPUBLISHED
    assert "Skipped: English live" in response.content.decode()


def test_desk_editor_previews_deletes_and_restores_only_in_their_edition(tamil_editor, stories):
    user, client = tamil_editor
    en, ta = stories["en_draft"], stories["ta_draft"]
    assert client.get(f"{ADMIN}{en.pk}/preview/").status_code == 403
    assert client.get(f"{ADMIN}{ta.pk}/preview/").status_code == 200
    assert not permissions.can_restore(user, en) and permissions.can_restore(user, ta)

    client.post(f"{ADMIN}{en.pk}/delete/", {"post": "yes"})
    assert Article.objects.filter(pk=en.pk).exists()
    client.post(f"{ADMIN}{ta.pk}/delete/", {"post": "yes"})
    assert not Article.objects.filter(pk=ta.pk).exists()


def test_desk_writer_creates_articles_only_in_their_edition(tamil_writer):
    user, client = tamil_writer
    me = AuthorFactory(user=user)
    page = client.get(f"{ADMIN}add/").content.decode()
    assert '<option value="ta" selected>' in page
    assert 'value="en"' not in page and 'value="si"' not in page

    data = add_data(title="In English", category=CategoryFactory(), author=me, language="en")
    response = client.post(f"{ADMIN}add/", data)
    assert "Select a valid choice." in response.content.decode()
    assert not Article.objects.filter(title="In English").exists()

    data = add_data(title="தமிழில்", category=CategoryFactory(), author=me, language="ta")
    client.post(f"{ADMIN}add/", data)
    assert Article.objects.get(title="தமிழில்").language == "ta"


def test_desk_writer_cannot_move_their_draft_into_another_edition_by_service(tamil_writer):
    user, _client = tamil_writer
    draft = ArticleFactory(language="ta", created_by=user)
    draft.language = "en"
    with pytest.raises(PermissionDenied):
        services.article_save(article=draft, user=user, expected_version=draft.version)
    draft.refresh_from_db()
    assert draft.language == "ta"


def test_desk_writer_cannot_add_bylines_to_another_editions_article(tamil_writer):
    user, client = tamil_writer
    english = ArticleFactory(language="en", created_by=user)
    data = change_data(english) | {
        "article_authors-TOTAL_FORMS": "2",
        "article_authors-1-author": str(AuthorFactory().pk),
        "article_authors-1-position": "1",
    }
    assert client.post(change_url(english), data).status_code == 403
    assert english.article_authors.count() == 1


def test_article_list_opens_on_the_desks_edition(tamil_editor, tamil_writer, editor_client):
    _user, editor = tamil_editor
    response = editor.get(ADMIN)
    assert response.status_code == 302 and response["Location"] == f"{ADMIN}?edition=ta"
    _user, writer = tamil_writer
    assert writer.get(ADMIN)["Location"] == f"{ADMIN}?owner=mine&edition=ta"
    # An editor on no desk lands on the whole list, as before.
    assert editor_client.get(ADMIN).status_code == 200


def test_edition_filter_lists_one_edition(tamil_editor, stories):
    _user, client = tamil_editor
    listed = client.get(f"{ADMIN}?edition=ta").context["cl"].result_list
    assert {article.title for article in listed} == {"Tamil draft", "Tamil live"}


def test_bulk_delete_refuses_a_selection_with_another_editions_article(tamil_editor, stories):
    _user, client = tamil_editor
    chosen = [stories["en_draft"].pk, stories["ta_draft"].pk]
    client.post(ADMIN, {"action": "delete_selected", "_selected_action": chosen, "post": "yes"})
    assert Article.objects.filter(pk__in=chosen).count() == 2

    client.post(ADMIN, {"action": "delete_selected", "_selected_action": chosen[1:], "post": "yes"})
    assert list(Article.objects.filter(pk__in=chosen).values_list("pk", flat=True)) == chosen[:1]
