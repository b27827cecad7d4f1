import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from newsroom.roles import DESKS, EDITORS, SALES, WRITERS

# One local account per role, and a desk editor, so every part of the admin can be tried.
ACCOUNTS = [
    ("admin", ()),
    ("editor", (EDITORS,)),
    ("writer", (WRITERS,)),
    ("sales", (SALES,)),
    ("tamil-editor", (EDITORS, DESKS["ta"])),
]


class Command(BaseCommand):
    help = "Debug runs only: (re)create local demo accounts with a fresh password and print it."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo_accounts is for local debug runs only (DEBUG=true).")
        password = secrets.token_urlsafe(9)
        User = get_user_model()
        lines = []
        for username, group_names in ACCOUNTS:
            user, _ = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.com"}
            )
            user.is_staff = True
            user.is_superuser = not group_names
            user.set_password(password)
            user.save()
            user.groups.add(*Group.objects.filter(name__in=group_names))
            lines.append(f"  {username:<12} {', '.join(group_names) or 'superuser'}")
        self.stdout.write(
            self.style.SUCCESS("Demo accounts (this run only), password: ")
            + password
            + "\n"
            + "\n".join(lines)
            + "\nAdmin: http://127.0.0.1:<port>/admin/"
        )
