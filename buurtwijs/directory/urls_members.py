"""Member pages under /initiatieven/: register, mine, edit, claim, contact."""

from django.urls import path

from buurtwijs.directory import views_members

app_name = "initiatives"

urlpatterns = [
    path("aanmelden/", views_members.initiative_register_view, name="register"),
    path("mijn/", views_members.my_initiatives_view, name="mine"),
    path("<slug:slug>/bewerken/", views_members.initiative_edit_view, name="edit"),
    path("<slug:slug>/claimen/", views_members.initiative_claim_view, name="claim"),
    path("<slug:slug>/contact/", views_members.initiative_contact_view, name="contact"),
]
