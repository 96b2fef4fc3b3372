"""Comparison and print header (included from verantwoording.urls)."""

from django.urls import path

from swv.pages.views import afdrukken, vergelijk

urlpatterns = [
    path("vergelijk/", vergelijk.vergelijk, name="vergelijk"),
    path("downloads/vergelijking.<tabelformaat:fmt>", vergelijk.vergelijk_table, name="download-vergelijking"),
    path("afdrukken.css", afdrukken.afdrukken_css, name="afdrukken-css"),
]
