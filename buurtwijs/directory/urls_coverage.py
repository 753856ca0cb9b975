"""The coverage page under /dekking/."""

from django.urls import path

from buurtwijs.directory import views_coverage

app_name = "coverage"

urlpatterns = [
    path("", views_coverage.coverage, name="coverage"),
]
