"""Routes of the networks app."""

from django.urls import path  # noqa: F401

app_name = "networks"
urlpatterns: list = []
