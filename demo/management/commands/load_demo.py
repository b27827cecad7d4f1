from django.core.management.base import BaseCommand

from demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load demo sections, authors, pages and a month of articles with drawn lead images. "
        "Safe to run again: only what is missing is created."
    )

    def handle(self, *args, **options):
        counts = load_demo(stdout=self.stdout if options["verbosity"] > 1 else None)
        summary = ", ".join(f"{number} {kind}" for kind, number in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {summary} created."))
