"""What the advertising tests send and run: a filled-in enquiry form, and the task worker."""

import time

from django.core.management import call_command

from advertising.forms import sign_issued


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
