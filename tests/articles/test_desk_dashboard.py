"""The admin's front page is the desk's dashboard: what waits, what is scheduled, what is on the
front page now, what was published and corrected; Sales see new and overdue enquiries."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article, Correction
from tests.factories import ArticleFactory, AuthorFactory, EnquiryFactory

pytestmark = pytest.mark.django_db


def _panel(page, key):
    start = page.index(f'id="{key}"')
    return page[start : page.index("</section>", start)]


def test_an_editor_sees_what_waits_what_is_scheduled_and_what_is_live(editor_client):
    now = timezone.now()
    ArticleFactory(title="Budget analysis", status=Article.Status.REVIEW)
    ArticleFactory(
        title="Election results",
        status=Article.Status.PUBLISHED,
        published_at=now + datetime.timedelta(hours=3),
    )
    ArticleFactory(
        live=True,
        title="Storm warning",
        breaking=True,
        breaking_until=now + datetime.timedelta(hours=2),
    )
    corrected = ArticleFactory(live=True, title="Harbour fees")
    Correction.objects.create(article=corrected, text="The fee is 20 rupees, not 200.")

    page = editor_client.get("/admin/").content.decode()
    assert "Budget analysis" in _panel(page, "desk-review")
    scheduled = _panel(page, "desk-scheduled")
    assert "Election results" in scheduled and "goes live <time" in scheduled
    front = _panel(page, "desk-front")
    assert "Storm warning" in front and "Breaking" in front and "until <time" in front
    assert "Harbour fees" in _panel(page, "desk-published")
    assert "Harbour fees" in _panel(page, "desk-corrected")


def test_a_writer_sees_their_own_drafts_and_reviews_not_others(writer_client, writer):
    ArticleFactory(title="My draft", created_by=writer)
    ArticleFactory(
        title="My review", status=Article.Status.REVIEW, authors=[AuthorFactory(user=writer)]
    )
    ArticleFactory(title="Colleague's review", status=Article.Status.REVIEW)

    page = writer_client.get("/admin/").content.decode()
    assert "My draft" in _panel(page, "desk-drafts")
    review = _panel(page, "desk-review")
    assert "My review" in review and "Colleague" not in review


def test_the_dashboard_runs_a_fixed_number_of_queries(editor_client, django_assert_num_queries):
    editor_client.get("/admin/")
    for _ in range(3):
        ArticleFactory(status=Article.Status.REVIEW)
        ArticleFactory(live=True, featured=True)
    with django_assert_num_queries(10):
        editor_client.get("/admin/")


def test_sales_see_new_and_overdue_enquiries_and_no_desk(sales_client):
    EnquiryFactory(name="Fresh Lead")
    EnquiryFactory(name="Waiting Lead", received_at=timezone.now() - datetime.timedelta(days=3))

    page = sales_client.get("/admin/").content.decode()
    assert "Fresh Lead" in _panel(page, "sales-new")
    overdue = _panel(page, "sales-overdue")
    assert "Waiting Lead" in overdue and "Fresh Lead" not in overdue
    assert 'id="desk-review"' not in page
