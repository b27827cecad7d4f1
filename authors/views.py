from django.conf import settings
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from .models import Author
from .structured_data import profile_page


class AuthorView(ListView):
    """An author's profile and their live articles, newest first."""

    template_name = "authors/author_detail.html"
    context_object_name = "articles"

    def get_paginate_by(self, queryset):
        return settings.PAGE_SIZE

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        # Through the reverse relation: the article rules stay with the articles app.
        return (
            self.author.articles.live()
            .for_list_items()
            .latest_first()
            .with_kept_count(f"author:{self.author.pk}")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            author=self.author,
            structured_data=[profile_page(self.author, self.request)],
            **kwargs,
        )
