"""Inspection judgments per SWV (template; the Inspectie van het Onderwijs publishes reports per SWV,
its open data lists 'oordelen samenwerkingsverbanden' with date and eindoordeel)."""

from swv.importing.base import Column
from swv.importing.common import swv_column
from swv.importing.figures import FigureSource


class InspectieSource(FigureSource):
    key = "inspectie"
    label = "Oordelen van de inspectie"
    publisher = "Inspectie van het Onderwijs"
    description = "Eén rij per rapport: de datum van het rapport en het eindoordeel."
    subject, subject_column, period_column, period_kind = "swv", "swv_code", "datum", "datum"
    columns = (
        swv_column(),
        Column(
            "datum",
            type="date",
            aliases=("datum rapport", "vaststellingsdatum", "peildatum"),
            description="Datum van het inspectierapport",
            example="2023-05-17",
        ),
        Column(
            "oordeel",
            aliases=("eindoordeel",),
            indicator="inspectie_oordeel",
            choices=("onvoldoende", "voldoende", "goed"),
            description="onvoldoende, voldoende of goed",
            example="voldoende",
        ),
    )
    filename_patterns = ("inspectie*.csv", "inspectie*.xlsx", "oordelen*.csv")
