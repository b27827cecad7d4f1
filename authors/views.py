from django.conf import settings
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from articles.pagination import KeptCountPaginator

from .models import Author
from .structured_data import profile_page


class AuthorView(ListView):
    """An author's profile and their live articles, newest first."""

    template_name = "authors/author_detail.html"
    context_object_name = "articles"

    def get_paginate_by(self, queryset):
        return settings.PAGE_SIZE

    def get_paginator(self, queryset, per_page, **kwargs):
        count_key = f"author:{self.author.pk}"
        return KeptCountPaginator(queryset, per_page, count_key=count_key, **kwargs)

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        # Through the reverse relation: the article rules stay with the articles app.
        articles = self.author.articles.model.objects
        return articles.live().by_author(self.author).for_list_items().latest_first()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            author=self.author,
            structured_data=[profile_page(self.author, self.request)],
            **kwargs,
        )
