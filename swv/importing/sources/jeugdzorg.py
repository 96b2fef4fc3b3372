"""Jeugdzorggebruik per gemeente (template; AOJ-monitor / CBS Beleidsinformatie jeugd, by woongemeente)."""

from swv.importing.common import figure, gemeente_column, jaar_column
from swv.importing.figures import FigureSource


class JeugdzorgSource(FigureSource):
    key = "jeugdzorg"
    label = "Jeugdzorggebruik per gemeente (AOJ-monitor)"
    publisher = "AOJ-monitor (CBS, Beleidsinformatie jeugd)"
    description = "Eén rij per gemeente per kalenderjaar."
    subject, subject_column, period_column, period_kind = "gemeente", "gemeente", "jaar", "jaar"
    columns = (
        gemeente_column(),
        jaar_column(),
        figure(
            "jongeren_tot_18",
            "jeugdigen",
            aliases=("jeugdigen", "inwoners 0-18"),
            description="Inwoners jonger dan 18",
            example="18400",
        ),
        figure(
            "jongeren_met_jeugdzorg",
            "jeugdzorg_jongeren",
            aliases=("jongeren met jeugdhulp", "jeugdhulp"),
            description="Jongeren met jeugdhulp, jeugdbescherming of jeugdreclassering",
            example="2210",
        ),
    )
    filename_patterns = ("jeugdzorg*.csv", "jeugdzorg*.xlsx", "aoj*.csv")
