from django.urls import path

from buurtwijs.agenda import views

app_name = "agenda"

urlpatterns = [
    path("", views.agenda_index, name="agenda_index"),
    path("<slug:slug>/", views.agenda_detail, name="agenda_detail"),
    path("<slug:slug>/punt/<int:pk>/", views.item_detail, name="item_detail"),
    path("<slug:slug>/leeragenda.<str:fmt>", views.agenda_export, name="agenda_export"),
]
