from django.urls import path

from . import views

app_name = "advertising"

urlpatterns = [
    path("", views.enquiry, name="enquiry"),
    path("thanks/", views.thanks, name="thanks"),
]
