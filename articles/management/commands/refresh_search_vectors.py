from django.core.management.base import BaseCommand

from articles.models import Article


class Command(BaseCommand):
    help = (
        "Recompute every article's stored search vector (PostgreSQL; a no-op on SQLite). "
        "The database keeps them current; this is for rows loaded with its triggers off."
    )

    def handle(self, *args, **options):
        count = Article.objects.refresh_search_vectors()
        self.stdout.write(f"Refreshed the search vectors of {count} articles.")
