"""Leerlingen en deelname per samenwerkingsverband per teldatum (template; DUO publishes these counts
in 'Leerlingen per samenwerkingsverband' and 'Deelname speciaal onderwijs' on its open-data site)."""

from swv.importing.common import figure, swv_column, teldatum_column
from swv.importing.figures import Derived, FigureSource


class LeerlingenSource(FigureSource):
    key = "leerlingen"
    label = "Leerlingen en deelname (s)bo, (v)so en pro"
    publisher = "DUO, leerlingtelling 1 oktober"
    description = "Eén rij per samenwerkingsverband per teldatum. Aantallen van 1 tot en met 4 mogen als <5."
    subject, subject_column, period_column, period_kind = "swv", "swv_code", "teldatum", "teldatum"
    columns = (
        swv_column(),
        teldatum_column(),
        figure(
            "leerlingen_totaal",
            "leerlingen_totaal",
            aliases=("totaal", "aantal leerlingen"),
            description="Alle leerlingen van het samenwerkingsverband",
            example="18250",
        ),
        figure(
            "leerlingen_bo",
            "leerlingen_bo",
            aliases=("bo",),
            description="Leerlingen in het basisonderwijs (PO)",
            example="17607",
        ),
        figure(
            "leerlingen_bo_sbo",
            "leerlingen_bo_sbo",
            aliases=("bo en sbo",),
            description="Leerlingen in bo en sbo samen (PO): de noemer van de deelname sbo en so",
            example="18019",
        ),
        figure(
            "leerlingen_vo",
            "leerlingen_vo",
            aliases=("vo",),
            description="Leerlingen in het voortgezet onderwijs, met pro, zonder vso (VO)",
            example="",
        ),
        figure(
            "leerlingen_sbo",
            "leerlingen_sbo",
            aliases=("sbo",),
            description="Leerlingen in het sbo (PO)",
            example="412",
        ),
        figure(
            "leerlingen_so",
            "leerlingen_so",
            aliases=("so",),
            description="Leerlingen in het so (PO)",
            example="231",
        ),
        figure(
            "leerlingen_vso",
            "leerlingen_vso",
            aliases=("vso",),
            description="Leerlingen in het vso (VO)",
            example="",
        ),
        figure(
            "leerlingen_pro",
            "leerlingen_pro",
            aliases=("pro", "praktijkonderwijs"),
            description="Leerlingen in het praktijkonderwijs (VO)",
            example="",
        ),
        figure(
            "verblijfsduur_sbo",
            "verblijfsduur_sbo",
            type="decimal",
            description="Gemiddelde verblijfsduur sbo in jaren",
            example="3,4",
        ),
        figure(
            "verblijfsduur_so",
            "verblijfsduur_so",
            type="decimal",
            description="Gemiddelde verblijfsduur so in jaren",
            example="4,1",
        ),
        figure(
            "verblijfsduur_vso",
            "verblijfsduur_vso",
            type="decimal",
            description="Gemiddelde verblijfsduur vso in jaren",
            example="",
        ),
        figure(
            "verblijfsduur_pro",
            "verblijfsduur_pro",
            type="decimal",
            description="Gemiddelde verblijfsduur pro in jaren",
            example="",
        ),
        figure(
            "verplaatsingen_pct",
            "verplaatsingen",
            type="percent",
            aliases=("verplaatsingen",),
            description="Leerlingen die in het schooljaar naar een andere school gingen, in procenten",
            example="1,8",
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
