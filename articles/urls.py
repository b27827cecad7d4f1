from django.urls import path, register_converter

from editions.slugs import SlugConverter

from . import feeds, live_views, views

# Article slugs in Sinhala and Tamil keep their vowel signs and joiners (editions.slugs).
register_converter(SlugConverter, "article_slug")

app_name = "articles"
urlpatterns = [
    path("latest/", views.LatestView.as_view(), name="latest"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feeds/rss/", feeds.LatestFeed(), name="feed_rss"),
    path("feeds/atom/", feeds.LatestAtomFeed(), name="feed_atom"),
    path("category/<slug:slug>/rss/", feeds.CategoryFeed(), name="category_rss"),
    path("category/<slug:slug>/atom/", feeds.CategoryAtomFeed(), name="category_atom"),
    # An author's page and feeds list articles, so they live here (authors never imports us).
    path("author/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("author/<slug:slug>/rss/", feeds.AuthorFeed(), name="author_rss"),
    path("author/<slug:slug>/atom/", feeds.AuthorAtomFeed(), name="author_atom"),
    path("category/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("preview/<str:token>/", views.PreviewView.as_view(), name="preview"),
    path(
        "<int:year>/<int:month>/<int:day>/<article_slug:slug>/",
        views.ArticleDetailView.as_view(),
        name="detail",
    ),
    # A live blog's update addresses, polling endpoint and feed, under its own address.
    path(
        "<int:year>/<int:month>/<int:day>/<article_slug:slug>/updates/<int:entry>/",
        live_views.entry_address,
        name="live_entry",
    ),
    path(
        "<int:year>/<int:month>/<int:day>/<article_slug:slug>/since/",
        live_views.since,
        name="live_since",
    ),
    path(
        "<int:year>/<int:month>/<int:day>/<article_slug:slug>/rss/",
        live_views.LiveBlogFeed(),
        name="live_rss",
    ),
]
