"""Verzuim per gemeente from the leerplichtrapportage (template; VNG/Ingrado 'Landelijke rapportage
leerplicht', the art. 25 Leerplichtwet figures each gemeente reports to OCW)."""

from swv.importing.common import figure, gemeente_column, schooljaar_column
from swv.importing.figures import FigureSource


class VerzuimSource(FigureSource):
    key = "verzuim"
    label = "Verzuim en vrijstellingen per gemeente (leerplicht, art. 25)"
    publisher = "VNG / Ingrado, leerplichtrapportage"
    description = (
        "Eén rij per gemeente per schooljaar. De cijfers zijn onvolledig; laat een cel leeg als het cijfer ontbreekt."
    )
    subject, subject_column, period_column, period_kind = "gemeente", "gemeente", "schooljaar", "schooljaar"
    columns = (
        gemeente_column(),
        schooljaar_column(),
        figure(
            "leerplichtigen",
            "leerplichtigen",
            aliases=("aantal leerplichtigen",),
            description="Leerplichtige jongeren 5-18",
            example="12480",
        ),
        figure(
            "absoluut_verzuim",
            "verzuim_absoluut",
            aliases=("absoluut verzuimers",),
            description="Absoluut verzuimers",
            example="14",
        ),
        figure(
            "relatief_verzuim",
            "verzuim_relatief",
            aliases=("meldingen relatief verzuim",),
            description="Meldingen relatief verzuim",
            example="318",
        ),
        figure(
            "langdurig_relatief_verzuim",
            "verzuim_langdurig_relatief",
            description="Langdurig relatief verzuimers",
            example="22",
        ),
        figure(
            "vrijstellingen_5a",
            "vrijstelling_5a",
            aliases=("vrijstelling 5a", "5a"),
            description="Vrijstellingen art. 5 onder a",
            example="31",
        ),
        figure("thuiszitters", "thuiszitters", description="Thuiszitters", example="<5"),
    )
    filename_patterns = ("verzuim*.csv", "verzuim*.xlsx", "leerplicht*.csv")
