"""The national funding picture: lumpsum PO/VO, onderwijsachterstanden, jeugdzorg and passend onderwijs
per year (template; from the OCW begroting and the gemeentefonds)."""

from swv.importing.common import JAAR_COLUMN, figure
from swv.importing.figures import FigureSource


class BekostigingSource(FigureSource):
    key = "bekostiging"
    label = "Landelijke bekostiging (context)"
    publisher = "Rijksbegroting OCW en gemeentefonds"
    description = "Eén rij per jaar, bedragen in euro voor heel Nederland."
    subject, period_column, period_kind = "land", "jaar", "jaar"
    columns = (
        JAAR_COLUMN,
        figure("lumpsum_po", "bekostiging_lumpsum_po", "Lumpsum primair onderwijs", "11200000000", type="amount"),
        figure("lumpsum_vo", "bekostiging_lumpsum_vo", "Lumpsum voortgezet onderwijs", "8900000000", type="amount"),
        figure(
            "onderwijsachterstanden",
            "bekostiging_onderwijsachterstanden",
            "Onderwijsachterstandenbeleid",
            "870000000",
            type="amount",
            aliases=("oab",),
        ),
        figure("jeugdzorg", "bekostiging_jeugdzorg", "Uitgaven jeugdzorg gemeenten", "5800000000", type="amount"),
        figure(
            "passend_onderwijs",
            "bekostiging_passend_onderwijs",
            "Ondersteuningsbekostiging samenwerkingsverbanden",
            "3300000000",
            type="amount",
        ),
    )
    filename_patterns = ("bekostiging*.csv", "bekostiging*.xlsx")
