"""Calls for input at /oproepen/."""

from django.urls import path

from buurtwijs.calls import views

app_name = "calls"

urlpatterns = [
    path("", views.call_list, name="call_list"),
    path("<slug:slug>/", views.call_detail, name="call_detail"),
    path("<slug:slug>/bedankt/", views.call_thanks, name="call_thanks"),
]
