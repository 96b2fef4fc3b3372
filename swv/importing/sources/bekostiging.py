"""The national funding picture: lumpsum PO/VO, onderwijsachterstanden, jeugdzorg and passend onderwijs
per year (template; from the OCW begroting and the gemeentefonds)."""

from swv.importing.common import figure, jaar_column
from swv.importing.figures import FigureSource


class BekostigingSource(FigureSource):
    key = "bekostiging"
    label = "Landelijke bekostiging (context)"
    publisher = "Rijksbegroting OCW en gemeentefonds"
    description = "Eén rij per jaar, bedragen in euro voor heel Nederland."
    subject, subject_column, period_column, period_kind = "land", None, "jaar", "jaar"
    columns = (
        jaar_column(),
        figure(
            "lumpsum_po",
            "bekostiging_lumpsum_po",
            type="amount",
            description="Lumpsum primair onderwijs",
            example="11200000000",
        ),
        figure(
            "lumpsum_vo",
            "bekostiging_lumpsum_vo",
            type="amount",
            description="Lumpsum voortgezet onderwijs",
            example="8900000000",
        ),
        figure(
            "onderwijsachterstanden",
            "bekostiging_onderwijsachterstanden",
            type="amount",
            aliases=("oab",),
            description="Onderwijsachterstandenbeleid",
            example="870000000",
        ),
        figure(
            "jeugdzorg",
            "bekostiging_jeugdzorg",
            type="amount",
            description="Uitgaven jeugdzorg gemeenten",
            example="5800000000",
        ),
        figure(
            "passend_onderwijs",
            "bekostiging_passend_onderwijs",
            type="amount",
            description="Ondersteuningsbekostiging samenwerkingsverbanden",
            example="3300000000",
        ),
    )
    filename_patterns = ("bekostiging*.csv", "bekostiging*.xlsx")
