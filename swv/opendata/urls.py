"""Downloads and feeds (included from verantwoording.urls; the API has its own urls)."""

from django.urls import path, re_path

from swv.opendata import bronnen, downloads, feeds

FORMAT = r"(?P<fmt>csv|json)"

urlpatterns = [
    path("bronnen/", bronnen.bronnen, name="bronnen"),
    re_path(rf"^downloads/swv/(?P<code>[PpVv][Oo][0-9]{{4}})\.{FORMAT}$", downloads.swv_table, name="download-swv"),
    re_path(rf"^downloads/landelijk\.{FORMAT}$", downloads.landelijk_table, name="download-landelijk"),
    re_path(
        rf"^downloads/indicator/(?P<code>[-a-z0-9_]+)\.{FORMAT}$",
        downloads.indicator_table,
        name="download-indicator",
    ),
    re_path(rf"^downloads/waarden\.{FORMAT}$", downloads.waarden_table, name="download-waarden"),
    path("feeds/nieuw.atom", feeds.SiteFeed(), name="feed"),
    re_path(r"^feeds/swv/(?P<code>[PpVv][Oo][0-9]{4})\.atom$", feeds.SwvFeed(), name="feed-swv"),
]
