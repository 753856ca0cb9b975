"""Template context every page needs: the site name and the main navigation."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def site(request: HttpRequest) -> dict:
    """Site name and navigation links for the base template."""
    return {
        "SITE_NAME": "Buurtwijs",
        "main_navigation": [
            {"label": _("Home"), "url": "/"},
            {"label": _("Initiatives"), "url": reverse("directory:initiative_list")},
            {"label": _("People"), "url": reverse("people:person_list")},
            {"label": _("Coverage"), "url": reverse("coverage:coverage")},
            {"label": _("Knowledge base"), "url": reverse("knowledge:document_list")},
            {"label": _("Cases"), "url": "/praktijkvoorbeelden/"},
            {"label": _("Publications"), "url": "/publicaties/"},
            {"label": _("News"), "url": "/nieuws/"},
            {"label": _("Events"), "url": "/evenementen/"},
            {"label": _("Calls"), "url": reverse("calls:call_list")},
            {
                "label": _("Learning questions"),
                "url": reverse("questions:question_list"),
            },
            {"label": _("Learning agenda"), "url": reverse("agenda:agenda_index")},
            {"label": _("Who knows what?"), "url": "/wie-weet-wat/"},
            {"label": _("Learning networks"), "url": "/leernetwerken/"},
        ],
    }
