import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from newsroom.roles import EDITORS, ROLES, WRITERS


@pytest.mark.django_db
def test_role_groups_exist_with_their_permissions():
    editors = Group.objects.get(name=EDITORS)
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"publish_article", "change_article", "delete_article", "change_author"} <= codenames
    writers = set(Group.objects.get(name=WRITERS).permissions.values_list("codename", flat=True))
    assert "publish_article" not in writers and "delete_article" not in writers
    assert set(ROLES) <= set(Group.objects.values_list("name", flat=True))


@pytest.mark.django_db(transaction=True)
def test_role_groups_survive_a_test_database_flush():
    # What the test runner does after each transactional test, done here so the outcome does
    # not depend on which test ran before.
    call_command("flush", interactive=False, verbosity=0)

    assert Group.objects.filter(name__in=ROLES).count() == len(ROLES)
    publishers = Group.objects.filter(permissions__codename="publish_article")
    assert list(publishers.values_list("name", flat=True)) == [EDITORS]
