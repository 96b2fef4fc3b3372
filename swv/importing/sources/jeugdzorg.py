"""Jeugdzorggebruik per gemeente (template; AOJ-monitor / CBS Beleidsinformatie jeugd, by woongemeente)."""

from swv.importing.common import GEMEENTE_COLUMN, JAAR_COLUMN, figure
from swv.importing.figures import FigureSource


class JeugdzorgSource(FigureSource):
    key = "jeugdzorg"
    label = "Jeugdzorggebruik per gemeente (AOJ-monitor)"
    publisher = "AOJ-monitor (CBS, Beleidsinformatie jeugd)"
    description = "Eén rij per gemeente per kalenderjaar."
    subject, period_column, period_kind = "gemeente", "jaar", "jaar"
    columns = (
        GEMEENTE_COLUMN,
        JAAR_COLUMN,
        figure(
            "jongeren_tot_18", "jeugdigen", "Inwoners jonger dan 18", "18400", aliases=("jeugdigen", "inwoners 0-18")
        ),
        figure(
            "jongeren_met_jeugdzorg",
            "jeugdzorg_jongeren",
            "Jongeren met jeugdhulp, jeugdbescherming of jeugdreclassering",
            "2210",
            aliases=("jongeren met jeugdhulp", "jeugdhulp"),
        ),
    )
    filename_patterns = ("jeugdzorg*.csv", "jeugdzorg*.xlsx", "aoj*.csv")
