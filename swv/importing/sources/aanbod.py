"""Het aanbod in de regio (dekkend netwerk): scholen en voorzieningen per SWV (template; from the
ondersteuningsplan, no national publication)."""

from swv.importing.common import SWV_COLUMN, figure, peildatum_column
from swv.importing.figures import FigureSource


class AanbodSource(FigureSource):
    key = "aanbod"
    label = "Dekkend netwerk: aanbod in de regio"
    publisher = "Samenwerkingsverband, ondersteuningsplan"
    description = "Eén rij per samenwerkingsverband per peildatum; laat een cel leeg als het niet bekend is."
    subject, period_column, period_kind = "swv", "peildatum", "datum"
    columns = (
        SWV_COLUMN,
        peildatum_column("Datum waarop het overzicht klopt", "2024-10-01"),
        figure("sbo", "aanbod_sbo", "Vestigingen sbo (PO)", "3", aliases=("scholen sbo",)),
        figure("so", "aanbod_so", "Vestigingen so (PO)", "2", aliases=("scholen so",)),
        figure("vso", "aanbod_vso", "Vestigingen vso (VO)", "", aliases=("scholen vso",)),
        figure("pro", "aanbod_pro", "Vestigingen praktijkonderwijs (VO)", "", aliases=("scholen pro",)),
        figure("tussenvoorzieningen", "aanbod_tussenvoorziening", "Tussenvoorzieningen", "4"),
    )
    filename_patterns = ("aanbod*.csv", "aanbod*.xlsx")
