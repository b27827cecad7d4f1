"""An article's edition is part of its address: once it has been live it cannot change."""

import pytest
from django.core.exceptions import ValidationError

from articles import services
from tests.articles.admin_forms import change_data, change_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

REFUSAL = "This article has been published in its edition"


def test_admin_refuses_to_move_a_published_article_to_another_edition(editor_client):
    article = ArticleFactory(live=True, language="en")
    response = editor_client.post(change_url(article), change_data(article, language="ta"))
    assert response.status_code == 200
    assert REFUSAL in response.context["adminform"].form.errors["language"][0]
    article.refresh_from_db()
    assert article.language == "en"


def test_the_service_refuses_it_too(editor):
    article = ArticleFactory(live=True, language="en")
    article.language = "si"
    with pytest.raises(ValidationError) as refused:
        services.article_save(article=article, user=editor, expected_version=article.version)
    assert REFUSAL in refused.value.messages[0]
    article.refresh_from_db()
    assert article.language == "en"


def test_a_draft_may_still_change_edition(editor_client):
    article = ArticleFactory(language="en")
    editor_client.post(change_url(article), change_data(article, language="si"))
    article.refresh_from_db()
    assert article.language == "si"
