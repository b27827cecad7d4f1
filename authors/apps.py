from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuthorsConfig(AppConfig):
    name = "authors"
    verbose_name = _("Authors")

    def ready(self):
        # Here, not at the top: models (ours and the ones these modules use) can be imported
        # only once the app registry is ready.
        from freshness.generation import every_edition
        from freshness.signals import watch

        from .models import Author

        # Pages showing the author's profile or bylines end when it changes.
        watch(Author, tags=lambda row, before: {f"author:{row.pk}", *every_edition()})
