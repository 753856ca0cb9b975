"""Routes of the events app; the event pages themselves are Wagtail pages."""

from django.urls import path

from buurtwijs.events import views

app_name = "events"
urlpatterns = [
    path("agenda.ics", views.feed_ics, name="feed_ics"),
    path("<int:event_id>/aanmelden/", views.register, name="register"),
    path("<int:event_id>/aangemeld/", views.registered, name="registered"),
    path("<int:event_id>/evenement.ics", views.event_ics, name="event_ics"),
    path("afmelden/<str:token>/", views.cancel, name="cancel"),
]
