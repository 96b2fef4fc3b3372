"""Verzuim per gemeente from the leerplichtrapportage (template; VNG/Ingrado 'Landelijke rapportage
leerplicht', the art. 25 Leerplichtwet figures each gemeente reports to OCW)."""

from swv.importing.common import GEMEENTE_COLUMN, SCHOOLJAAR_COLUMN, figure
from swv.importing.figures import FigureSource


class VerzuimSource(FigureSource):
    key = "verzuim"
    label = "Verzuim en vrijstellingen per gemeente (leerplicht, art. 25)"
    publisher = "VNG / Ingrado, leerplichtrapportage"
    description = (
        "Eén rij per gemeente per schooljaar. De cijfers zijn onvolledig; laat een cel leeg als het cijfer ontbreekt."
    )
    subject, period_column, period_kind = "gemeente", "schooljaar", "schooljaar"
    columns = (
        GEMEENTE_COLUMN,
        SCHOOLJAAR_COLUMN,
        figure(
            "leerplichtigen",
            "leerplichtigen",
            "Leerplichtige jongeren 5-18",
            "12480",
            aliases=("aantal leerplichtigen",),
        ),
        figure("absoluut_verzuim", "verzuim_absoluut", "Absoluut verzuimers", "14", aliases=("absoluut verzuimers",)),
        figure(
            "relatief_verzuim",
            "verzuim_relatief",
            "Meldingen relatief verzuim",
            "318",
            aliases=("meldingen relatief verzuim",),
        ),
        figure("langdurig_relatief_verzuim", "verzuim_langdurig_relatief", "Langdurig relatief verzuimers", "22"),
        figure(
            "vrijstellingen_5a",
            "vrijstelling_5a",
            "Vrijstellingen art. 5 onder a",
            "31",
            aliases=("vrijstelling 5a", "5a"),
        ),
        figure("thuiszitters", "thuiszitters", "Thuiszitters", "<5"),
    )
    filename_patterns = ("verzuim*.csv", "verzuim*.xlsx", "leerplicht*.csv")
