import pytest

from tests.factories import UserFactory


@pytest.fixture
def admin_client(db):
    """The site's owner: a superuser (no role group may change the brand)."""
    from django.test import Client

    client = Client()
    client.force_login(UserFactory(username="owner", is_superuser=True))
    return client
