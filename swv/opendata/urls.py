"""Downloads and feeds (included from verantwoording.urls; the API has its own urls)."""

from django.urls import path

from swv.opendata import bronnen, downloads, feeds

urlpatterns = [
    path("bronnen/", bronnen.bronnen, name="bronnen"),
    path("downloads/swv/<swvcode:code>.<tabelformaat:fmt>", downloads.swv_table, name="download-swv"),
    path("downloads/landelijk.<tabelformaat:fmt>", downloads.landelijk_table, name="download-landelijk"),
    path("downloads/indicator/<slug:code>.<tabelformaat:fmt>", downloads.indicator_table, name="download-indicator"),
    path("downloads/waarden.<tabelformaat:fmt>", downloads.waarden_table, name="download-waarden"),
    path("feeds/nieuw.atom", feeds.SiteFeed(), name="feed"),
    path("feeds/swv/<swvcode:code>.atom", feeds.SwvFeed(), name="feed-swv"),
]
