from django.urls import path

from buurtwijs.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile_edit, name="profile"),
    path("gegevens.json", views.data_export, name="export"),
    path("gegevens.csv", views.data_export_csv, name="export_csv"),
    path("verwijderen/", views.account_delete_view, name="delete"),
]
