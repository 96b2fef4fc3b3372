"""The national leerplichttelling series (OCW/Ingrado, art. 25 Leerplichtwet): vrijstellingen 5a,
absoluut verzuim and langdurig relatief verzuim per schooljaar, national totals only.

No publisher file of the national totals was found; the copy is the table of a secondary compiler
(datagraver.com) as published: tab-separated, schooljaar as '2004/2005', Dutch thousands separators on
most cells (some without), empty cells before 2009/2010 where the series had not started ('niet
aangeleverd'). Two years were checked against the minister's answer to Kamervragen (2012).
"""

from swv.importing.base import Column
from swv.importing.common import figure
from swv.importing.figures import FigureSource


class LeerplichttellingSource(FigureSource):
    key = "landelijk_leerplichttelling"
    label = "Leerplichttelling, landelijke totalen (vrijstellingen 5a, absoluut en langdurig relatief verzuim)"
    publisher = "Ministerie van OCW en Ingrado (leerplichttelling), via datagraver.com"
    description = "Eén rij per schooljaar, landelijke aantallen."
    subject, period_column, period_kind = "land", "schooljaar", "schooljaar"
    template = False
    after = ()
    columns = (
        Column("schooljaar", "Schooljaar", "2021/2022", type="schooljaar"),
        figure(
            "Vrijstelling leerplicht (Art. 5 onder a)",
            "land_vrijstelling_5a",
            "Vrijstellingen artikel 5 onder a",
            "7.389",
        ),
        figure(
            "Niet ingeschreven op school en geen vrijstelling leerplicht (absoluut verzuim)",
            "land_verzuim_absoluut",
            "Absoluut verzuim",
            "10.240",
        ),
        figure(
            "Langdurig relatief verzuim (ingeschreven maar langdurig afwezig, relatief verzuim)",
            "land_verzuim_langdurig_relatief",
            "Langdurig relatief verzuim",
            "3.246",
        ),
    )
    filename_patterns = ("*thuiszitters*.tsv", "*leerplichttelling*.tsv", "*leerplichttelling*.csv")
