"""The national funding picture: lumpsum PO/VO, onderwijsachterstanden, jeugdzorg and passend onderwijs
per year (template; from the OCW begroting and the gemeentefonds)."""

from swv.importing.common import JAAR_COLUMN, amount
from swv.importing.figures import FigureSource


class BekostigingSource(FigureSource):
    key = "bekostiging"
    label = "Landelijke bekostiging (context)"
    publisher = "Rijksbegroting OCW en gemeentefonds"
    description = "Eén rij per jaar, bedragen in euro voor heel Nederland."
    subject, period_column, period_kind = "land", "jaar", "jaar"
    columns = (
        JAAR_COLUMN,
        amount("lumpsum_po", "bekostiging_lumpsum_po", "Lumpsum primair onderwijs", "11200000000"),
        amount("lumpsum_vo", "bekostiging_lumpsum_vo", "Lumpsum voortgezet onderwijs", "8900000000"),
        amount(
            "onderwijsachterstanden",
            "bekostiging_onderwijsachterstanden",
            "Onderwijsachterstandenbeleid",
            "870000000",
            aliases=("oab",),
        ),
        amount("jeugdzorg", "bekostiging_jeugdzorg", "Uitgaven jeugdzorg gemeenten", "5800000000"),
        amount(
            "passend_onderwijs",
            "bekostiging_passend_onderwijs",
            "Ondersteuningsbekostiging samenwerkingsverbanden",
            "3300000000",
        ),
    )
    filename_patterns = ("bekostiging*.csv", "bekostiging*.xlsx")
