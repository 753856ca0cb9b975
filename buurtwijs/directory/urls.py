from django.urls import path

from buurtwijs.directory import views

app_name = "directory"

urlpatterns = [
    path("", views.initiative_list, name="initiative_list"),
    path("<slug:slug>/", views.initiative_detail, name="initiative_detail"),
]
