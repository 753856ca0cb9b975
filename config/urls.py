"""URL routes. Wagtail serves every path no app claims, so it comes last."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from buurtwijs.api import api
from buurtwijs.core.language import language_switch

urlpatterns = [
    path("", include("buurtwijs.core.urls")),
    path("taal/", language_switch, name="set_language"),
    path("beheer/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("account/", include("allauth.urls")),
    path("mijn-profiel/", include("buurtwijs.accounts.urls")),
    path("initiatieven/", include("buurtwijs.directory.urls_members")),
    path("initiatieven/", include("buurtwijs.directory.urls")),
    path("zoeken/", include("buurtwijs.search.urls")),
    path("kennisbank/", include("buurtwijs.knowledge.urls_documents")),
    path("oproepen/", include("buurtwijs.calls.urls")),
    path("leervragen/", include("buurtwijs.calls.urls_questions")),
    path("leeragenda/", include("buurtwijs.agenda.urls")),
    path("wie-weet-wat/", include("buurtwijs.matching.urls")),
    path("leernetwerken/", include("buurtwijs.networks.urls")),
    path("nieuwsbrief/", include("buurtwijs.newsletter.urls")),
    # Only the named routes below; event pages themselves are Wagtail pages.
    path("evenementen/", include("buurtwijs.events.urls")),
    path("reacties/", include("buurtwijs.articles.urls")),
    path("api/v1/", api.urls),
    path("", include("buurtwijs.directory.urls_public")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "buurtwijs.core.views.bad_request"
handler403 = "buurtwijs.core.views.permission_denied"
handler404 = "buurtwijs.core.views.page_not_found"
handler500 = "buurtwijs.core.views.server_error"
