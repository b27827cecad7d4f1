import time

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from advertising.forms import sign_issued
from tests.factories import UserFactory


def enquiry_data(**changes):
    """What a person sends through the form, half a minute after opening it."""
    data = {
        "name": "Nimal Perera",
        "organisation": "Ceylon Tea Company",
        "email": "nimal@ceylontea.example",
        "phone": "+94 11 234 5678",
        "interest": "video",
        "budget": "250k_1m",
        "preferred_start": "",
        "message": "We would like a pre-roll campaign on your video channel in March.",
        "website": "",
        "issued": sign_issued(time.time() - 30),
    }
    data.update(changes)
    return data


def run_worker():
    """Run every task that is due, in this process (the locmem outbox is per process)."""
    call_command(
        "db_worker", batch=True, interval=0, startup_delay=False, reload=False, verbosity=0
    )


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
