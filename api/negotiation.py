from rest_framework.negotiation import BaseContentNegotiation


class JsonOnly(BaseContentNegotiation):
    """The view's first renderer (JSON) whatever the client's Accept says: choosing by it
    would add `Vary: Accept`, which the page cache does not store."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type

    def select_parser(self, request, parsers):
        return None
