"""The filtered open-data tables, one declaration each. The download (/downloads/<name>.csv|json), its CSV
metadata, the API list (/api/v1/<name>) and the catalogue's dataset are all made from it, so they read the
same filters and give the same rows. What a new table needs besides: README, "Add an open table"."""

from collections.abc import Callable
from dataclasses import dataclass

import django_filters

from swv.opendata import filters, published, tables


@dataclass(frozen=True)
class OpenTable:
    name: str  # its address: /downloads/<name>.csv|json and /api/v1/<name>
    item: str  # one row, in the API's URL names (api:<item>-list) and its root's links
    label: str  # the download in the catalogue ("Alle waarden")
    title: str  # of the CSV metadata
    columns: list[str]
    filterset: type[django_filters.FilterSet]  # its query parameters (read with filters.arguments)
    rows: Callable[..., list]  # rows(**filters): every row
    description: str  # of the API list, in the OpenAPI document (its line break is the published one)
    about: str  # of the catalogue's dataset
    keywords: list[str]
    # What the API pages through when not `rows`: something Django's paginator can slice.
    page_rows: Callable | None = None


WAARDEN = OpenTable(
    name="waarden",
    item="waarde",
    label="Alle waarden",
    title="Waarden van indicatoren",
    columns=tables.COLUMNS_WAARDEN,
    filterset=filters.WaardenFilter,
    rows=tables.value_rows,
    # The stored rows of value_rows, a page read at a time in SQL.
    page_rows=published.value_list,
    description="Waarden van indicatoren per samenwerkingsverband (gemeentecijfers opgeteld over de gemeenten "
    "van het\nsamenwerkingsverband, zoals op de site), per gemeente of voor heel Nederland.",
    about="Alle waarden van alle indicatoren per samenwerkingsverband, met bron en peildatum; te filteren op "
    "niveau, sector, samenwerkingsverband, gemeente, indicator en periode zoals in de API.",
    keywords=["passend onderwijs", "samenwerkingsverbanden", "open data"],
)

SCHOLEN = OpenTable(
    name="scholen",
    item="school",
    label="Cijfers per school",
    title="Cijfers per school (vestiging)",
    columns=tables.COLUMNS_SCHOLEN,
    filterset=filters.ScholenFilter,
    rows=tables.school_rows,
    description="Cijfers per school (vestiging): DUO's leerlingen per soort en de indicatoren per school van "
    "de\ncatalogus (zoals verplaatsingen per school), elk met het samenwerkingsverband waarbij de school telt.",
    about="Per school (vestiging) DUO's leerlingen per soort onderwijs en teldatum en de cijfers per school, "
    "met het samenwerkingsverband waarbij de school telt; te filteren zoals in de API.",
    keywords=["passend onderwijs", "scholen", "open data"],
)

TABLES = (WAARDEN, SCHOLEN)
