"""Learning networks at /leernetwerken/."""

from django.urls import path

from buurtwijs.networks import views

app_name = "networks"

urlpatterns = [
    path("", views.network_list, name="network_list"),
    path("instellingen/", views.mail_settings, name="settings"),
    path("<slug:slug>/", views.network_detail, name="network_detail"),
    path("<slug:slug>/lid-worden/", views.network_join, name="network_join"),
    path("<slug:slug>/opzeggen/", views.network_leave, name="network_leave"),
    path("<slug:slug>/meldingen/", views.network_notify, name="network_notify"),
    path("<slug:slug>/leden/", views.network_members, name="network_members"),
    path("<slug:slug>/gesprekken/nieuw/", views.thread_create, name="thread_create"),
    path("<slug:slug>/gesprekken/<int:pk>/", views.thread_detail, name="thread_detail"),
    path(
        "<slug:slug>/gesprekken/<int:pk>/verwijderen/",
        views.thread_delete,
        name="thread_delete",
    ),
    path(
        "<slug:slug>/gesprekken/<int:pk>/reacties/<int:reply_pk>/verwijderen/",
        views.reply_delete,
        name="reply_delete",
    ),
]
