from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("landelijk/", include("landelijk.urls")),
    path("", include("uploads.urls")),
    path("", include("swv.urls_kaart")),
    path("", include("swv.urls")),
]
