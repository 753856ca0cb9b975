"""The knowledge base under /kennisbank/: library, documents, downloads, uploads."""

from django.urls import path

from buurtwijs.knowledge import views_documents as views

app_name = "knowledge"

urlpatterns = [
    path("", views.document_list, name="document_list"),
    path("delen/", views.document_upload_view, name="document_upload"),
    path("mijn-documenten/", views.my_documents, name="my_documents"),
    path("<int:pk>/", views.document_detail_view, name="document_detail"),
    path("<int:pk>/downloaden/", views.document_download, name="document_download"),
    path("<int:pk>/miniatuur.jpg", views.document_thumbnail, name="document_thumbnail"),
]
