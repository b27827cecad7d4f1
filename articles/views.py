import datetime

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, ListView

from .models import Article, ArticleRedirect, Category


class LatestView(ListView):
    """Every live article, newest first."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"

    def get_paginate_by(self, queryset):
        return settings.PAGE_SIZE

    def get_queryset(self):
        return Article.objects.live().for_list_items().latest_first()


class CategoryView(LatestView):
    template_name = "articles/category_detail.html"

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return super().get_queryset().in_category(self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"
    latest_count = 8

    def get(self, request, *args, **kwargs):
        try:
            self.object = self.get_object()
        except Article.DoesNotExist:
            return self.redirect_moved_article()
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_queryset(self):
        return Article.objects.live().for_listing().defer("search_vector")

    def get_object(self, queryset=None):
        try:
            day = datetime.date(
                int(self.kwargs["year"]), int(self.kwargs["month"]), int(self.kwargs["day"])
            )
        except ValueError as error:
            raise Http404("No such date") from error
        return self.get_queryset().get(url_date=day, slug=self.kwargs["slug"])

    def redirect_moved_article(self):
        """An article whose slug or date changed keeps answering at its old address (301)."""
        live = Article.objects.live()
        article = live.filter(slug=self.kwargs["slug"]).first()
        if article is None:
            moved = ArticleRedirect.objects.filter(old_path=self.request.path).values("article_id")
            article = live.filter(pk__in=moved).first()
        if article is None:
            raise Http404("No such article")
        return redirect(article, permanent=True)

    def get_context_data(self, **kwargs):
        article = self.object
        latest = (
            Article.objects.live()
            .exclude(pk=article.pk)
            .latest_first()
            .only("title", "slug", "url_date", "published_at")[: self.latest_count]
        )
        return super().get_context_data(
            latest_news=latest, corrections=article.corrections.all(), **kwargs
        )
