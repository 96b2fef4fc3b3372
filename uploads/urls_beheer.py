"""Staff screens under /beheer/ beside the model admin; included before the admin's own URLs."""

from django.urls import path

from uploads import beheer

urlpatterns = [
    path("mijn-samenwerkingsverband/", beheer.start, name="beheer-mijn-swv"),
    path("toelichting-voorbeeld/", beheer.preview, name="beheer-toelichting-voorbeeld"),
]
