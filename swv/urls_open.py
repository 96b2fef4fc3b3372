"""Open data, comparison, feeds and error reports: the URLs of issue 6 (included from verantwoording.urls)."""

from django.urls import path, re_path

from swv import feeds, views_afdrukken, views_downloads, views_meldingen, views_vergelijk

FORMAT = r"(?P<fmt>csv|json)"

urlpatterns = [
    path("vergelijk/", views_vergelijk.vergelijk, name="vergelijk"),
    re_path(rf"^downloads/vergelijking\.{FORMAT}$", views_vergelijk.vergelijk_table, name="download-vergelijking"),
    re_path(
        rf"^downloads/swv/(?P<code>[PpVv][Oo][0-9]{{4}})\.{FORMAT}$", views_downloads.swv_table, name="download-swv"
    ),
    re_path(rf"^downloads/landelijk\.{FORMAT}$", views_downloads.landelijk_table, name="download-landelijk"),
    re_path(
        rf"^downloads/indicator/(?P<code>[-a-z0-9_]+)\.{FORMAT}$",
        views_downloads.indicator_table,
        name="download-indicator",
    ),
    path("afdrukken.css", views_afdrukken.afdrukken_css, name="afdrukken-css"),
    path("feeds/nieuw.atom", feeds.SiteFeed(), name="feed"),
    re_path(r"^feeds/swv/(?P<code>[PpVv][Oo][0-9]{4})\.atom$", feeds.SwvFeed(), name="feed-swv"),
    path("klopt-dit-niet/", views_meldingen.melding, name="melding"),
    path("klopt-dit-niet/bedankt/", views_meldingen.bedankt, name="melding-bedankt"),
    re_path(rf"^downloads/waarden\.{FORMAT}$", views_downloads.waarden_table, name="download-waarden"),
]
