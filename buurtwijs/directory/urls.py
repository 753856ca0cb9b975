from django.urls import path

from buurtwijs.directory import views

app_name = "directory"

urlpatterns = [
    path("", views.initiative_list, name="initiative_list"),
    path(
        "kaart.geojson",
        views.initiative_map_geojson,
        name="initiative_map_geojson",
    ),
    path("export.csv", views.initiative_export_csv, name="initiative_export_csv"),
    path("export.xlsx", views.initiative_export_xlsx, name="initiative_export_xlsx"),
    path(
        "export.geojson",
        views.initiative_export_geojson,
        name="initiative_export_geojson",
    ),
    path("<slug:slug>/", views.initiative_detail, name="initiative_detail"),
]
