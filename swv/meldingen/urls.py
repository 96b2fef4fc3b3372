from django.urls import path

from swv.meldingen import views

urlpatterns = [
    path("klopt-dit-niet/", views.melding, name="melding"),
    path("klopt-dit-niet/bedankt/", views.bedankt, name="melding-bedankt"),
]
