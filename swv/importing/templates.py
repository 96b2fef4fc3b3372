"""Example files a beheerder can download per source: the header, one example row and what each column means."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from swv.importing.base import Source
from swv.importing.registry import SOURCES


def template_sources() -> list[Source]:
    return [s for s in SOURCES.values() if s.template]


def column_rows(source: Source) -> list[dict]:
    return [
        {
            "kolom": c.name,
            "ook_herkend": ", ".join(c.aliases),
            "verplicht": "ja" if c.required and not c.blank else ("kolom ja, cel mag leeg" if c.required else "nee"),
            "type": c.type if not c.choices else "keuze: " + " | ".join(c.choices),
            "omschrijving": c.description,
            "voorbeeld": c.example,
            "indicator": c.indicator,
        }
        for c in source.columns
    ]


def template_csv(source: Source) -> bytes:
    """UTF-8 with BOM and ';' so Dutch Excel opens it as columns."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([c.name for c in source.columns])
    writer.writerow([c.example for c in source.columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def template_xlsx(source: Source) -> bytes:
    """Sheet 1 is the file to fill (header + example row); sheet 2 describes every column."""
    workbook = Workbook()
    data = workbook.active
    data.title = "gegevens"
    data.append([c.name for c in source.columns])
    data.append([c.example for c in source.columns])
    for cell in data[1]:
        cell.font = Font(bold=True)
    info = workbook.create_sheet("toelichting")
    info.append([f"{source.label} — {source.publisher}"])
    info.append([source.description])
    info.append([])
    rows = column_rows(source)
    info.append(list(rows[0].keys()))
    for cell in info[4]:
        cell.font = Font(bold=True)
    for row in rows:
        info.append(list(row.values()))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
