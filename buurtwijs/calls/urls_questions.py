"""Learning questions at /leervragen/."""

from django.urls import path

from buurtwijs.calls import views_questions as views

app_name = "questions"

urlpatterns = [
    path("", views.question_list, name="question_list"),
    path("nieuw/", views.question_create, name="question_create"),
    path("<int:pk>/", views.question_detail, name="question_detail"),
    path("<int:pk>/ook-mijn-vraag/", views.question_vote, name="question_vote"),
]
