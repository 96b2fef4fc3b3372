"""Downloads of every table on the site as CSV (for Dutch Excel) and JSON; the rows come from
swv.opendata.tables, so a download always says what the page says."""

import csv
import datetime as dt
import io
from collections.abc import Iterator
from decimal import Decimal

from django.conf import settings
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404

from swv.caching import params
from swv.models import Indicator, Samenwerkingsverband, Sector
from swv.opendata import tables
from swv.opendata.csvw import describes
from swv.opendata.filters import UnknownFilter, arguments, patterns
from swv.opendata.licence import LICENCE_NAME, LICENCE_URL
from swv.opendata.open_tables import OpenTable
from swv.selectors.names import display_name
from verantwoording.errors import error_page

STREAM_ROWS = 5000  # larger CSV tables are streamed


def _cell(value) -> str:
    """How a value reads in a Dutch spreadsheet: decimal comma, no thousands separator, ja/nee."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float | Decimal):  # a number the database stores with 4 decimals reads "2,5"
        return f"{value:.6f}".rstrip("0").rstrip(".").replace(".", ",")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def csv_chunks(rows: list[dict], columns: list[str], *, rows_per_chunk: int = 2000) -> Iterator[str]:
    """UTF-8 with a byte order mark and ';' as separator, so Dutch Excel opens it as a table."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for number, row in enumerate(rows, 1):
        writer.writerow([_cell(row.get(column)) for column in columns])
        if number % rows_per_chunk == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def table_response(rows: list[dict], columns: list[str], *, fmt: str, filename: str, titel: str) -> HttpResponse:
    if fmt == "csv":
        chunks = (chunk.encode("utf-8") for chunk in csv_chunks(rows, columns))
        if len(rows) > STREAM_ROWS:  # sent while it is written; the page cache keeps a copy as it passes
            response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse(b"".join(chunks), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    else:
        payload = {
            "titel": titel,
            "bron": f"{settings.SITE_NAME}; de bron en peildatum van elk cijfer staan in de kolommen bron en "
            "peildatum.",
            "licentie": {"naam": LICENCE_NAME, "url": LICENCE_URL},
            "kolommen": columns,
            "rijen": [{column: row.get(column) for column in columns} for row in rows],
        }
        response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
        response["Content-Disposition"] = f'inline; filename="{filename}.json"'
    return response if rows else params.selects_nothing(response)  # e.g. a filter on a code that names nothing


@describes(
    columns=tables.COLUMNS_SWV,
    title="Alle cijfers van een samenwerkingsverband, per periode",
    subject=lambda code: get_object_or_404(Samenwerkingsverband, code=code.upper()),
)
@params.query_params()
def swv_table(request, swv: Samenwerkingsverband, fmt: str):
    rows = tables.swv_rows(swv=swv, name=display_name(swv))
    return table_response(
        rows,
        tables.COLUMNS_SWV,
        fmt=fmt,
        filename=f"passend-onderwijs-{swv.code}",
        titel=f"Cijfers van {display_name(swv)} ({swv.code_leesbaar})",
    )


@describes(columns=tables.COLUMNS_AGGREGATEN, title="Het landelijk beeld: per indicator, groep en periode")
@params.query_params(sector=params.SECTOR)
def landelijk_table(request, fmt: str):
    sector = (request.GET.get("sector") or "").upper() or None
    if sector and sector not in tuple(Sector.values):
        return error_page(request, 400, "Onbekende sector: kies PO of VO.")
    return table_response(
        tables.aggregate_rows(sector=sector),
        tables.COLUMNS_AGGREGATEN,
        fmt=fmt,
        filename=f"passend-onderwijs-landelijk{'-' + sector.lower() if sector else ''}",
        titel=f"Landelijk beeld{' ' + sector if sector else ''}",
    )


@describes(
    columns=tables.COLUMNS_WAARDEN,
    title="Alle waarden van een indicator",
    subject=lambda code: get_object_or_404(Indicator, code=code),
)
@params.query_params(niveau=params.NIVEAU)
def indicator_table(request, indicator: Indicator, fmt: str):
    per_gemeente = request.GET.get("niveau") == "gemeente"
    return table_response(
        tables.indicator_rows(indicator=indicator, per_gemeente=per_gemeente),
        tables.COLUMNS_WAARDEN,
        fmt=fmt,
        filename=f"passend-onderwijs-{indicator.code}{'-per-gemeente' if per_gemeente else ''}",
        titel=f"{indicator.label}: alle waarden",
    )


def filtered_table(table: OpenTable):
    """The download of an open table, /downloads/<name>.csv|json, with the rows its query selects."""

    @describes(columns=table.columns, title=table.title)
    @params.query_params(**patterns(table.filterset))
    def download(request, fmt: str):
        try:
            rows = table.rows(**arguments(table.filterset, request.GET))
        except UnknownFilter as error:
            return error_page(request, 400, str(error))
        filename, titel = f"passend-onderwijs-{table.name}", table.name.capitalize()
        return table_response(rows, table.columns, fmt=fmt, filename=filename, titel=titel)

    return download
