from django.apps import AppConfig


class EdgeConfig(AppConfig):
    """The edge in front of the site (Varnish, Fastly, Cloudflare): the headers that let it keep
    pages for long, and the purges that end them when their content changes."""

    name = "edge"
    verbose_name = "Edge cache"

    def ready(self):
        # Here, not at the top: the services use models, importable once the registry is ready.
        from freshness import changes
        from jobs.loops import beside

        from .sender import run_sender
        from .services import content_changed

        changes.on_change(content_changed)
        beside(run_sender)
