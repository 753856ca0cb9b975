"""Comment routes under /reacties/; the articles themselves are Wagtail pages."""

from django.urls import path

from buurtwijs.articles import views

app_name = "articles"
urlpatterns = [
    path("artikel/<int:page_id>/", views.comment_create, name="comment_create"),
    path(
        "artikel/<int:page_id>/controleer-je-mail/",
        views.comment_sent,
        name="comment_sent",
    ),
    path(
        "bevestigen/<str:token>/",
        views.comment_confirm_view,
        name="comment_confirm",
    ),
    path("<int:pk>/melden/", views.comment_report_view, name="comment_report"),
]
