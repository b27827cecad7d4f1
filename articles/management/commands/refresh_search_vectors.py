from django.core.management.base import BaseCommand

from articles.search import refresh_search_vectors


class Command(BaseCommand):
    help = "Recompute every article's stored search vector (PostgreSQL; a no-op on SQLite)."

    def handle(self, *args, **options):
        count = refresh_search_vectors()
        self.stdout.write(f"Refreshed the search vectors of {count} articles.")
