"""Routes of the newsletter app."""

from django.urls import path

from buurtwijs.newsletter import views

app_name = "newsletter"
urlpatterns = [
    path("", views.subscribe_view, name="subscribe"),
    path("controleer-je-mail/", views.check_mail_view, name="check_mail"),
    path("bevestigen/<str:token>/", views.confirm_view, name="confirm"),
    path("afmelden/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
]
