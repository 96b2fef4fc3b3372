"""Het aanbod in de regio (dekkend netwerk): scholen en voorzieningen per SWV (template; from the
ondersteuningsplan, no national publication)."""

from swv.importing.common import figure, peildatum_column, swv_column
from swv.importing.figures import FigureSource


class AanbodSource(FigureSource):
    key = "aanbod"
    label = "Dekkend netwerk: aanbod in de regio"
    publisher = "Samenwerkingsverband, ondersteuningsplan"
    description = "Eén rij per samenwerkingsverband per peildatum; laat een cel leeg als het niet bekend is."
    subject, subject_column, period_column, period_kind = "swv", "swv_code", "peildatum", "datum"
    columns = (
        swv_column(),
        peildatum_column(description="Datum waarop het overzicht klopt", example="2024-10-01"),
        figure("sbo", "aanbod_sbo", aliases=("scholen sbo",), description="Vestigingen sbo (PO)", example="3"),
        figure("so", "aanbod_so", aliases=("scholen so",), description="Vestigingen so (PO)", example="2"),
        figure("vso", "aanbod_vso", aliases=("scholen vso",), description="Vestigingen vso (VO)", example=""),
        figure(
            "pro",
            "aanbod_pro",
            aliases=("scholen pro",),
            description="Vestigingen praktijkonderwijs (VO)",
            example="",
        ),
        figure("tussenvoorzieningen", "aanbod_tussenvoorziening", description="Tussenvoorzieningen", example="4"),
    )
    filename_patterns = ("aanbod*.csv", "aanbod*.xlsx")
