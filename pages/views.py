from django.views.generic import DetailView

from freshness.generation import tag

from .models import Page


class PageView(DetailView):
    model = Page

    def get_object(self, queryset=None):
        page = super().get_object(queryset)
        tag(f"page:{page.pk}")  # the page cache keeps it until this page changes
        return page
