"""Public directory pages outside /initiatieven/: people and coverage.

config/urls.py includes this module at the root; each part keeps its own namespace
("people:person_list", "coverage:coverage").
"""

from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("mensen/", include("buurtwijs.directory.urls_people")),
    path("dekking/", include("buurtwijs.directory.urls_coverage")),
]
