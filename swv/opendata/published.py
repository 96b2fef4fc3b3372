"""/api/v1/waarden paged in SQL: the value rows of swv.opendata.tables, stored once per source-data version.

Building every value for every request cost the same whatever the page size (0.3 s at today's data, far
more with many periods). The rows are now stored once per source-data version (after an import, or by
the first request that needs them) and a page reads only its own rows: a range of `volgnummer` when the
list is not filtered (or only by sector), else the filtered rows with LIMIT/OFFSET on an index. The rows
come from `tables.value_rows`, so the API says what the downloads and the pages say."""

from swv.caching.versions import source_data_version
from swv.models import Indicator, Publicatie, PublicatieWaarde
from swv.opendata import tables
from swv.services.published import publish


def current_publication() -> Publicatie:
    """The stored rows of the current source-data version, built now if nobody has yet."""
    version = source_data_version()
    found = Publicatie.objects.filter(versie=version).first()
    if found is not None:
        return found
    return publish(
        version=version, rows_per_niveau={niveau: tables.value_rows(niveau=niveau) for niveau in tables.NIVEAUS}
    )


class ValueList:
    """The rows of one filtered list, as Django's paginator slices it: count() and [start:stop]."""

    def __init__(self, *, publicatie: Publicatie, niveau: str, filters: dict, sector: str | None):
        self.rows = PublicatieWaarde.objects.filter(publicatie=publicatie, niveau=niveau, **filters)
        self.filtered = bool(filters)
        # Unfiltered (or only by sector) the list is a range of volgnummer: PO's rows come before VO's.
        per_sector = publicatie.aantallen.get(niveau, [])
        self.start = 0
        self.total = sum(n for _, n in per_sector)
        if sector:
            position = [s for s, _ in per_sector].index(sector) if sector in dict(per_sector) else len(per_sector)
            self.start = sum(n for _, n in per_sector[:position])
            self.total = dict(per_sector).get(sector, 0)

    def count(self) -> int:
        return self.rows.count() if self.filtered else self.total

    def __getitem__(self, index: slice) -> list[dict]:
        if self.filtered:
            page = self.rows.order_by("volgnummer")[index]
        else:
            page = self.rows.filter(
                volgnummer__gte=self.start + index.start, volgnummer__lt=self.start + index.stop
            ).order_by("volgnummer")
        rows = list(page.values(*_FIELDS))
        # The page's indicators in one query: label, theme and source as the catalogue says them now.
        indicators = Indicator.objects.in_bulk({row["indicator_id"] for row in rows})
        fields = {pk: tables.indicator_fields(indicator) for pk, indicator in indicators.items()}
        return [{**row, **fields[row["indicator_id"]]} for row in rows]


_FIELDS = [f.attname for f in PublicatieWaarde._meta.concrete_fields if f.attname not in ("id", "publicatie_id")]


def value_list(
    *, niveau: str = "swv", sector: str | None = None, swv=(), gemeente=(), indicator=(), periode: str | None = None
) -> ValueList:
    """The rows `tables.value_rows` returns for these filters, to be paged; the same filters refused."""
    filters: dict = {}
    # As in value_rows: a sector and SWV's select SWV rows only, gemeenten gemeente rows only.
    if niveau == "swv" and swv:
        filters["swv__in"] = list(swv)
    if niveau == "gemeente" and gemeente:
        filters["gemeente__in"] = list(gemeente)
    if indicator:
        filters["indicator__code__in"] = list(indicator)
    if periode:
        filters["periode"] = periode
    sector = sector if niveau == "swv" else None
    if sector and filters:
        filters["sector"] = sector
    return ValueList(publicatie=current_publication(), niveau=niveau, filters=filters, sector=sector)
