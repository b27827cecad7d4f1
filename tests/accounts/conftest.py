import pytest


@pytest.fixture
def require_second_factor(settings):
    """The production rule (the rest of the suite signs staff in with a password alone)."""
    settings.REQUIRE_2FA_GROUPS = ["Editors"]
    settings.REQUIRE_2FA_SUPERUSERS = True
