import pytest
from django.contrib.auth.models import Group

from newsroom.roles import ROLES


@pytest.mark.django_db
def test_role_groups_exist_with_their_permissions():
    editors = Group.objects.get(name="Editors")
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"publish_article", "change_article", "delete_article", "change_author"} <= codenames
    writers = set(Group.objects.get(name="Writers").permissions.values_list("codename", flat=True))
    assert "publish_article" not in writers and "delete_article" not in writers
    assert set(ROLES) <= set(Group.objects.values_list("name", flat=True))


@pytest.mark.django_db(transaction=True)
def test_role_groups_survive_a_test_database_flush():
    # A transactional test runs after a flush of the previous one: the groups are still there.
    assert Group.objects.filter(name__in=ROLES).count() == len(ROLES)
