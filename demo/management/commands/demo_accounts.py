import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from newsroom.roles import EDITORS, SALES, WRITERS

# One local account per role, so every part of the admin can be tried.
ACCOUNTS = [
    ("admin", None),
    ("editor", EDITORS),
    ("writer", WRITERS),
    ("sales", SALES),
]


class Command(BaseCommand):
    help = "Debug runs only: (re)create local demo accounts with a fresh password and print it."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo_accounts is for local debug runs only (DEBUG=true).")
        password = secrets.token_urlsafe(9)
        User = get_user_model()
        lines = []
        for username, group_name in ACCOUNTS:
            user, _ = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.com"}
            )
            user.is_staff = True
            user.is_superuser = group_name is None
            user.set_password(password)
            user.save()
            if group_name and (group := Group.objects.filter(name=group_name).first()):
                user.groups.add(group)
            lines.append(f"  {username:<7} {group_name or 'superuser'}")
        self.stdout.write(
            self.style.SUCCESS("Demo accounts (this run only), password: ")
            + password
            + "\n"
            + "\n".join(lines)
            + "\nAdmin: http://127.0.0.1:<port>/admin/"
        )
