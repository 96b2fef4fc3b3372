"""Geschillen (Geschillencommissie passend onderwijs) and bezwaren (LBT) per SWV per year (template;
both publish yearly totals in their jaarverslag, per SWV on request)."""

from swv.importing.common import figure, jaar_column, swv_column
from swv.importing.figures import FigureSource


class GeschillenSource(FigureSource):
    key = "geschillen"
    label = "Geschillen en bezwaren (LBT)"
    publisher = "Geschillencommissie passend onderwijs en LBT"
    description = "Eén rij per samenwerkingsverband per kalenderjaar; aantallen van 1 tot en met 4 als <5."
    subject, subject_column, period_column, period_kind = "swv", "swv_code", "jaar", "jaar"
    columns = (
        swv_column(),
        jaar_column(),
        figure(
            "geschillen",
            "geschillen",
            aliases=("aantal geschillen",),
            description="Geschillen bij de Geschillencommissie",
            example="<5",
        ),
        figure(
            "bezwaren_lbt",
            "bezwaren_lbt",
            aliases=("bezwaren", "aantal bezwaren"),
            description="Bezwaren bij de LBT",
            example="7",
        ),
    )
    filename_patterns = ("geschillen*.csv", "geschillen*.xlsx")
