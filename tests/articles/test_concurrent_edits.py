import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection

from articles import services
from articles.models import Article
from newsroom.roles import EDITORS
from tests.articles.admin_forms import change_data, change_url
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_save_over_unseen_changes_is_refused_and_both_versions_survive(editor_client, client):
    colleague = UserFactory(username="colleague")
    colleague.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(colleague)
    article = ArticleFactory(title="Original headline", body="<p>Original body.</p>")
    form_for_editor = change_data(article)
    form_for_colleague = change_data(article)

    form_for_colleague.update(title="Colleague's headline")
    assert client.post(change_url(article), form_for_colleague).status_code == 302

    form_for_editor.update(title="Editor's headline", body="<p>Editor's body.</p>")
    response = editor_client.post(change_url(article), form_for_editor)

    assert response.status_code == 200
    page = response.content.decode()
    assert "colleague saved this article at " in page
    assert "while you were editing it" in page
    assert 'value="Editor&#x27;s headline"' in page  # what the editor typed is still in the form
    conflict = [
        (str(label), theirs, yours)
        for label, theirs, yours, _diff in response.context["adminform"].form.conflict
    ]
    assert conflict == [
        ("Headline", "Colleague's headline", "Editor's headline"),
        ("Body", "<p>Original body.</p>", "<p>Editor's body.</p>"),
    ]
    article.refresh_from_db()
    assert article.title == "Colleague's headline"
    assert article.body == "<p>Original body.</p>"

    # Having seen the difference, saving again keeps the editor's version on purpose.
    form_for_editor["loaded_version"] = article.version
    assert editor_client.post(change_url(article), form_for_editor).status_code == 302
    article.refresh_from_db()
    assert article.title == "Editor's headline"
    assert list(article.history.values_list("title", flat=True)[:2]) == [
        "Editor's headline",
        "Colleague's headline",
    ]


def test_the_service_refuses_a_stale_version_and_writes_nothing(editor):
    article = ArticleFactory(title="Kept")
    stale = Article.objects.get(pk=article.pk)
    article.title = "First save"
    services.article_save(article=article, user=editor, expected_version=article.version)

    stale.title = "Second save"
    with pytest.raises(services.ArticleConflict):
        services.article_save(article=stale, user=editor, expected_version=stale.version)
    assert Article.objects.get(pk=article.pk).title == "First save"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_from_one_version_cannot_both_pass(editor):
    article = ArticleFactory(title="Start")
    loaded = article.version
    barrier = threading.Barrier(2)
    outcomes = []

    def save(title):
        mine = Article.objects.get(pk=article.pk)
        mine.title = title
        barrier.wait()
        try:
            services.article_save(article=mine, user=editor, expected_version=loaded)
            outcomes.append("saved")
        except services.ArticleConflict:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(title,)) for title in ("One", "Two")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["refused", "saved"]
    article.refresh_from_db()
    assert article.version == loaded + 1
    assert article.history.filter(version=loaded + 1).count() == 1
