"""Routes of the matching app under /wie-weet-wat/."""

from django.urls import path

from buurtwijs.matching import views

app_name = "matching"
urlpatterns = [
    path("", views.match_page, name="match"),
    path("contact/<slug:slug>/", views.contact_view, name="contact"),
]
