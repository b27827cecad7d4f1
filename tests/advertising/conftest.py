import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory


@pytest.fixture
def staff_client_in(client, db):
    """A logged-in staff client in the given role group (None: no group)."""

    def login(group_name):
        user = UserFactory(username=f"member-of-{group_name}".lower())
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        client.force_login(user)
        return client

    return login
