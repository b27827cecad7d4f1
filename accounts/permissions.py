"""Who must have a second factor (settings.REQUIRE_2FA_GROUPS, REQUIRE_2FA_SUPERUSERS)."""

from django.conf import settings
from django_otp import user_has_device


def second_factor_required(user) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser and settings.REQUIRE_2FA_SUPERUSERS:
        return True
    return user.groups.filter(name__in=settings.REQUIRE_2FA_GROUPS).exists()


def has_second_factor(user) -> bool:
    return user_has_device(user, confirmed=True)
