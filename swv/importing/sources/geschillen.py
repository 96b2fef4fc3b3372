"""Geschillen (Geschillencommissie passend onderwijs) and bezwaren (LBT) per SWV per year (template;
both publish yearly totals in their jaarverslag, per SWV on request)."""

from swv.importing.common import JAAR_COLUMN, SWV_COLUMN, figure
from swv.importing.figures import FigureSource


class GeschillenSource(FigureSource):
    key = "geschillen"
    label = "Geschillen en bezwaren (LBT)"
    publisher = "Geschillencommissie passend onderwijs en LBT"
    description = "Eén rij per samenwerkingsverband per kalenderjaar; aantallen van 1 tot en met 4 als <5."
    subject, period_column, period_kind = "swv", "jaar", "jaar"
    columns = (
        SWV_COLUMN,
        JAAR_COLUMN,
        figure(
            "geschillen", "geschillen", "Geschillen bij de Geschillencommissie", "<5", aliases=("aantal geschillen",)
        ),
        figure("bezwaren_lbt", "bezwaren_lbt", "Bezwaren bij de LBT", "7", aliases=("bezwaren", "aantal bezwaren")),
    )
    filename_patterns = ("geschillen*.csv", "geschillen*.xlsx")
