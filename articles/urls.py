from django.urls import path

from . import views

app_name = "articles"
urlpatterns = [
    path("latest/", views.LatestView.as_view(), name="latest"),
    path("category/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("preview/<str:token>/", views.PreviewView.as_view(), name="preview"),
    path(
        "<int:year>/<int:month>/<int:day>/<slug:slug>/",
        views.ArticleDetailView.as_view(),
        name="detail",
    ),
]
