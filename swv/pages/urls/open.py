"""Comparison and print header (included from verantwoording.urls)."""

from django.urls import path, re_path

from swv.pages.views import afdrukken, vergelijk

FORMAT = r"(?P<fmt>csv|json)"

urlpatterns = [
    path("vergelijk/", vergelijk.vergelijk, name="vergelijk"),
    re_path(rf"^downloads/vergelijking\.{FORMAT}$", vergelijk.vergelijk_table, name="download-vergelijking"),
    path("afdrukken.css", afdrukken.afdrukken_css, name="afdrukken-css"),
]
