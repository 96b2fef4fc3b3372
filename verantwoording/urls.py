from django.contrib import admin
from django.urls import include, path

from swv.pages.views import beheer

urlpatterns = [
    path("beheer/bronnen/", beheer.sjablonen, name="beheer-sjablonen"),
    path("beheer/bronnen/<slug:key>.<str:fmt>", beheer.sjabloon, name="beheer-sjabloon"),
    path("beheer/", include("uploads.urls_beheer")),  # the staff start page and the editor's preview
    path("beheer/", admin.site.urls),
    path("", include("landelijk.urls")),
    path("api/", include("swv.opendata.api.urls")),
    path("", include("uploads.urls")),
    path("", include("swv.opendata.urls")),
    path("", include("swv.meldingen.urls")),
    path("", include("swv.pages.urls.open")),
    path("", include("swv.pages.urls.kaart")),
    path("", include("swv.pages.urls.swv")),
]

# Dutch error pages in the site's layout; JSON under the API (verantwoording.errors).
handler400 = "verantwoording.errors.bad_request"
handler403 = "verantwoording.errors.permission_denied"
handler404 = "verantwoording.errors.page_not_found"
handler500 = "verantwoording.errors.server_error"
