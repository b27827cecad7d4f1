from django.urls import path, re_path

from . import views

app_name = "api"
# Ids within PostgreSQL's bigint: a longer number is a 404, never a database error.
ID = r"(?P<pk>[0-9]{1,18})"

urlpatterns = [
    path("v1/articles/", views.ArticleList.as_view(), name="articles"),
    re_path(rf"^v1/articles/{ID}/$", views.ArticleDetail.as_view(), name="article"),
    path(
        "v1/articles/<int:year>/<int:month>/<int:day>/<str:slug>/",
        views.ArticleByAddress.as_view(),
        name="article-by-address",
    ),
    path("v1/editions/", views.EditionList.as_view(), name="editions"),
    path("v1/editions/<str:edition>/front-page/", views.FrontPageView.as_view(), name="front"),
    path("v1/editions/<str:edition>/breaking/", views.BreakingView.as_view(), name="breaking"),
    path("v1/live-blogs/", views.LiveBlogList.as_view(), name="live-blogs"),
    re_path(rf"^v1/live-blogs/{ID}/$", views.LiveBlogDetail.as_view(), name="live-blog"),
    re_path(rf"^v1/live-blogs/{ID}/entries/$", views.LiveEntryList.as_view(), name="live-entries"),
    path("v1/sections/", views.SectionList.as_view(), name="sections"),
    path("v1/authors/", views.AuthorList.as_view(), name="authors"),
    path("v1/authors/<str:slug>/", views.AuthorDetail.as_view(), name="author"),
    path("v1/pages/", views.PageList.as_view(), name="pages"),
    path("v1/pages/<str:slug>/", views.PageDetail.as_view(), name="page"),
    path("v1/schema/", views.Schema.as_view(), name="schema"),
    path("v1/docs/", views.Docs.as_view(), name="docs"),
    re_path(r"^.*$", views.Unknown.as_view()),
]
