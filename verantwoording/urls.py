from django.contrib import admin
from django.urls import include, path

from swv import views_beheer

urlpatterns = [
    path("beheer/bronnen/", views_beheer.sjablonen, name="beheer-sjablonen"),
    path("beheer/bronnen/<slug:key>.<str:fmt>", views_beheer.sjabloon, name="beheer-sjabloon"),
    path("beheer/", admin.site.urls),
    path("landelijk/", include("landelijk.urls")),
    path("api/", include("swv.api.urls")),
    path("", include("uploads.urls")),
    path("", include("swv.urls_open")),
    path("", include("swv.urls_kaart")),
    path("", include("swv.urls")),
]
