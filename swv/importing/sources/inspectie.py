"""Inspection judgments per SWV (template; the Inspectie van het Onderwijs publishes reports per SWV,
its open data lists 'oordelen samenwerkingsverbanden' with date and eindoordeel)."""

from swv.importing.base import Column
from swv.importing.common import SWV_COLUMN
from swv.importing.figures import FigureSource


class InspectieSource(FigureSource):
    key = "inspectie"
    label = "Oordelen van de inspectie"
    publisher = "Inspectie van het Onderwijs"
    description = "Eén rij per rapport: de datum van het rapport en het eindoordeel."
    subject, period_column, period_kind = "swv", "datum", "datum"
    columns = (
        SWV_COLUMN,
        Column(
            "datum",
            "Datum van het inspectierapport",
            "2023-05-17",
            type="date",
            aliases=("datum rapport", "vaststellingsdatum", "peildatum"),
        ),
        Column(
            "oordeel",
            "onvoldoende, voldoende of goed",
            "voldoende",
            aliases=("eindoordeel",),
            indicator="inspectie_oordeel",
            choices=("onvoldoende", "voldoende", "goed"),
        ),
    )
    filename_patterns = ("inspectie*.csv", "inspectie*.xlsx", "oordelen*.csv")
