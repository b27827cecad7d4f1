"""What a writer may open in the admin: live articles, their own, and their desk's work —
never another desk's (or, on no desk, another writer's) unpublished drafts; and staff's
personal data only for editors and admins."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from articles.models import Article
from newsroom.roles import DESKS, WRITERS
from tests.factories import ArticleFactory, AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/articles/article/?owner=all"


def _writer(username, *desks):
    user = UserFactory(username=username)
    user.groups.add(*Group.objects.filter(name__in=[WRITERS, *desks]))
    client = Client()
    client.force_login(user)
    return user, client


@pytest.fixture
def newsroom():
    colleague = UserFactory(username="colleague")
    return {
        "live": ArticleFactory(title="Live English story", live=True),
        "draft": ArticleFactory(title="Colleague English draft", created_by=colleague),
        "tamil_draft": ArticleFactory(
            title="Colleague Tamil draft", language="ta", created_by=colleague
        ),
        "scheduled": ArticleFactory(
            title="Scheduled English story",
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() + datetime.timedelta(days=1),
        ),
    }


def _titles(client):
    return {a.title for a in client.get(LIST).context["cl"].result_list}


def test_a_writer_on_no_desk_sees_live_articles_and_their_own_only(newsroom):
    writer, client = _writer("writer")
    ArticleFactory(title="My draft", created_by=writer)
    credited = AuthorFactory(user=writer)
    ArticleFactory(title="Draft crediting me", authors=[credited])

    assert _titles(client) == {"Live English story", "My draft", "Draft crediting me"}
    draft = newsroom["draft"]
    assert client.get(f"/admin/articles/article/{draft.pk}/change/").status_code == 302
    assert client.get(f"/admin/articles/article/{draft.pk}/preview/").status_code in (403, 404)


def test_a_tamil_desk_writer_sees_the_tamil_desks_work_and_live_articles(newsroom):
    _user, client = _writer("tamil-writer", DESKS["ta"])

    assert _titles(client) == {"Live English story", "Colleague Tamil draft"}


def test_editors_see_every_article(editor_client, newsroom):
    assert _titles(editor_client) == {a.title for a in newsroom.values()}


def test_the_writers_list_runs_a_fixed_number_of_queries(newsroom, django_assert_max_num_queries):
    writer, client = _writer("writer")
    ArticleFactory.create_batch(5, created_by=writer)
    client.get(LIST)  # warm the session and the caches
    with django_assert_max_num_queries(12) as few:
        client.get(LIST)
    ArticleFactory.create_batch(10, created_by=writer)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(LIST)


def test_author_emails_and_logins_are_shown_to_editors_not_writers(editor_client, writer_client):
    profile = AuthorFactory(name="Asma Hussain", email="asma@newsroom.example")

    writer_list = writer_client.get("/admin/authors/author/").content.decode()
    writer_page = writer_client.get(f"/admin/authors/author/{profile.pk}/change/").content.decode()
    editor_list = editor_client.get("/admin/authors/author/").content.decode()

    assert "Asma Hussain" in writer_list
    assert "asma@newsroom.example" not in writer_list + writer_page
    assert "asma@newsroom.example" in editor_list
