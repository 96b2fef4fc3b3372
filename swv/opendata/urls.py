"""Downloads, feeds and the descriptions of the open data: the DCAT catalogue and the CSVW metadata of the
CSV downloads (included from verantwoording.urls; the API has its own urls)."""

from django.urls import path, re_path

from swv.opendata import bronnen, catalogus, csvw, downloads, feeds
from swv.opendata.open_tables import TABLES

urlpatterns = [
    path("bronnen/", bronnen.bronnen, name="bronnen"),
    path("downloads/swv/<swvcode:code>.<tabelformaat:fmt>", downloads.swv_table, name="download-swv"),
    path("downloads/landelijk.<tabelformaat:fmt>", downloads.landelijk_table, name="download-landelijk"),
    path("downloads/indicator/<slug:code>.<tabelformaat:fmt>", downloads.indicator_table, name="download-indicator"),
    *(
        path(f"downloads/{t.name}.<tabelformaat:fmt>", downloads.filtered_table(t), name=f"download-{t.name}")
        for t in TABLES
    ),
    path("feeds/nieuw.atom", feeds.SiteFeed(), name="feed"),
    path("feeds/swv/<swvcode:code>.atom", feeds.SwvFeed(), name="feed-swv"),
    re_path(r"^downloads/(?P<csv_path>[-a-zA-Z0-9_/]+\.csv)-metadata\.json$", csvw.csv_metadata, name="download-csvw"),
    path("catalogus", catalogus.catalogus_page, name="catalogus"),
    re_path(r"^catalogus\.(?P<fmt>ttl|jsonld)$", catalogus.catalogus_rdf, name="catalogus-rdf"),
]
