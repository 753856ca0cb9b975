"""The public people directory under /mensen/."""

from django.urls import path

from buurtwijs.directory import views_people

app_name = "people"

urlpatterns = [
    path("", views_people.person_list, name="person_list"),
    path("<slug:slug>/", views_people.person_detail, name="person_detail"),
]
