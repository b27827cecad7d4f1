"""Browser tests allow ORM calls beside Playwright's event loop; no other test may."""

import asyncio

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import SynchronousOnlyOperation


@pytest.mark.django_db
def test_outside_browser_tests_orm_calls_in_an_event_loop_are_refused():
    async def count_users():
        return User.objects.count()

    with pytest.raises(SynchronousOnlyOperation):
        asyncio.run(count_users())
