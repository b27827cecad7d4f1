"""Versions read as a timeline (who, when, what changed in a few words), comparisons are word
by word on the rendered text, and the admin's History records every event Versions shows."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group

from articles import services
from articles.history import word_diff
from articles.models import Article
from newsroom.roles import EDITORS
from tests.articles.admin_forms import ADMIN, change_data, change_url
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_word_diff_marks_words_in_rendered_text_not_html():
    diff = word_diff(
        "<p>The port <b>opens</b> on Monday.</p>",
        "<p>The port opens on Tuesday &amp; Wednesday.</p>",
    )
    assert diff == "The port opens on <del>Monday.</del><ins>Tuesday &amp; Wednesday.</ins>"
    assert word_diff("<p>x</p>", "<p>&lt;b&gt;</p>") == "<del>x</del><ins>&lt;b&gt;</ins>"


def test_the_timeline_says_who_changed_what_in_a_line(editor_client, editor):
    editor.first_name, editor.last_name = "Nimal", "Perera"
    editor.save()
    article = ArticleFactory(title="Port opens", body="<p>One.</p><p>Two.</p><p>Three.</p>")
    data = change_data(
        article, title="Port opens today", body="<p>One.</p><p>Two, changed.</p><p>Three, too.</p>"
    )
    assert editor_client.post(change_url(article), data).status_code == 302

    page = editor_client.get(f"{ADMIN}{article.pk}/versions/").content.decode()
    assert "Nimal Perera" in page
    assert "headline, 2 paragraphs" in page


def test_restores_and_list_moves_are_in_both_versions_and_history(editor_client, editor):
    article = ArticleFactory(status=Article.Status.REVIEW, title="First words")
    editor_client.post(ADMIN, {"action": "publish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    first = article.history.order_by("history_id").first()
    article.title = "Second words"
    services.article_save(article=article, user=editor, expected_version=article.version)
    editor_client.post(
        f"{ADMIN}{article.pk}/versions/{first.history_id}/", {"expected_version": article.version}
    )

    versions = editor_client.get(f"{ADMIN}{article.pk}/versions/").content.decode()
    assert "published" in versions
    assert f"Restored version {first.version}" in versions
    logged = [
        entry.get_change_message() for entry in LogEntry.objects.filter(object_id=str(article.pk))
    ]
    assert "Publish now" in logged and f"Restored version {first.version}." in logged


def test_a_conflict_names_the_colleague_and_offers_three_ways_out(editor_client, client, editor):
    colleague = UserFactory(username="ravi", first_name="Ravi", last_name="Kumar")
    colleague.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(colleague)
    article = ArticleFactory(title="Budget passes", body="<p>The budget passed on Monday.</p>")
    mine, theirs = change_data(article), change_data(article)
    client.post(change_url(article), theirs | {"body": "<p>The budget passed on Tuesday.</p>"})

    page = editor_client.post(
        change_url(article), mine | {"body": "<p>The budget passed late on Monday.</p>"}
    ).content.decode()
    assert "Ravi Kumar saved this article at " in page
    conflict = page[page.index('id="conflict"') :]
    assert "passed <ins>late </ins>on <del>Tuesday.</del><ins>Monday.</ins>" in conflict
    assert "Keep mine" in conflict and "Take theirs" in conflict and "merge by hand" in conflict
