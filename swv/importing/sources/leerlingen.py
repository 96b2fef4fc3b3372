"""Leerlingen en deelname per samenwerkingsverband per teldatum (template; DUO publishes these counts
in 'Leerlingen per samenwerkingsverband' and 'Deelname speciaal onderwijs' on its open-data site)."""

from swv.importing.common import SWV_COLUMN, TELDATUM_COLUMN, figure
from swv.importing.figures import Derived, FigureSource


class LeerlingenSource(FigureSource):
    key = "leerlingen"
    label = "Leerlingen en deelname (s)bo, (v)so en pro"
    publisher = "DUO, leerlingtelling 1 oktober"
    description = "Eén rij per samenwerkingsverband per teldatum. Aantallen van 1 tot en met 4 mogen als <5."
    subject, period_column, period_kind = "swv", "teldatum", "teldatum"
    columns = (
        SWV_COLUMN,
        TELDATUM_COLUMN,
        figure(
            "leerlingen_totaal",
            "leerlingen_totaal",
            "Alle leerlingen van het samenwerkingsverband",
            "18250",
            aliases=("totaal", "aantal leerlingen"),
        ),
        figure("leerlingen_bo", "leerlingen_bo", "Leerlingen in het basisonderwijs (PO)", "17607", aliases=("bo",)),
        figure(
            "leerlingen_bo_sbo",
            "leerlingen_bo_sbo",
            "Leerlingen in bo en sbo samen (PO): de noemer van de deelname sbo en so",
            "18019",
            aliases=("bo en sbo",),
        ),
        figure(
            "leerlingen_vo",
            "leerlingen_vo",
            "Leerlingen in het voortgezet onderwijs, met pro, zonder vso (VO)",
            "",
            aliases=("vo",),
        ),
        figure("leerlingen_sbo", "leerlingen_sbo", "Leerlingen in het sbo (PO)", "412", aliases=("sbo",)),
        figure("leerlingen_so", "leerlingen_so", "Leerlingen in het so (PO)", "231", aliases=("so",)),
        figure("leerlingen_vso", "leerlingen_vso", "Leerlingen in het vso (VO)", "", aliases=("vso",)),
        figure(
            "leerlingen_pro",
            "leerlingen_pro",
            "Leerlingen in het praktijkonderwijs (VO)",
            "",
            aliases=("pro", "praktijkonderwijs"),
        ),
        figure(
            "verblijfsduur_sbo", "verblijfsduur_sbo", "Gemiddelde verblijfsduur sbo in jaren", "3,4", type="decimal"
        ),
        figure("verblijfsduur_so", "verblijfsduur_so", "Gemiddelde verblijfsduur so in jaren", "4,1", type="decimal"),
        figure("verblijfsduur_vso", "verblijfsduur_vso", "Gemiddelde verblijfsduur vso in jaren", "", type="decimal"),
        figure("verblijfsduur_pro", "verblijfsduur_pro", "Gemiddelde verblijfsduur pro in jaren", "", type="decimal"),
        figure(
            "verplaatsingen_pct",
            "verplaatsingen",
            "Leerlingen die in het schooljaar naar een andere school gingen, in procenten",
            "1,8",
            type="percent",
            aliases=("verplaatsingen",),
        ),
    )
    derived = (
        # As the catalogue defines them: sbo and so per 100 pupils in bo + sbo, pro per 100 vo pupils,
        # vso per 100 pupils in vo + vso (leerlingen_totaal of a VO SWV).
        Derived("deelname_sbo", "ratio", "leerlingen_sbo", "leerlingen_bo_sbo"),
        Derived("deelname_so", "ratio", "leerlingen_so", "leerlingen_bo_sbo"),
        Derived("deelname_vso", "ratio", "leerlingen_vso", "leerlingen_totaal"),
        Derived("deelname_pro", "ratio", "leerlingen_pro", "leerlingen_vo"),
    )
    filename_patterns = ("leerlingen*.csv", "leerlingen*.xlsx")
