"""Ondersteuningsbekostiging per samenwerkingsverband per schooljaar (template; DUO publishes the
'Bekostiging samenwerkingsverbanden' with lichte/zware ondersteuning, lwoo, pro and verevening)."""

from swv.importing.common import SCHOOLJAAR_COLUMN, SWV_COLUMN, amount
from swv.importing.figures import FigureSource


class OndersteuningsbudgetSource(FigureSource):
    key = "ondersteuningsbudget"
    label = "Ondersteuningsbudget en verevening"
    publisher = "DUO, bekostiging samenwerkingsverbanden"
    description = "Bedragen in euro, per schooljaar. Verevening is negatief als het budget erdoor daalt."
    subject, period_column, period_kind = "swv", "schooljaar", "schooljaar"
    columns = (
        SWV_COLUMN,
        SCHOOLJAAR_COLUMN,
        amount(
            "ondersteuningsbudget",
            "ondersteuningsbudget",
            "Totaal ondersteuningsbudget na verevening",
            "14500000",
            aliases=("totaal", "budget totaal"),
        ),
        amount(
            "lichte_ondersteuning",
            "budget_lichte_ondersteuning",
            "Budget lichte ondersteuning",
            "3900000",
            aliases=("lichte",),
        ),
        amount(
            "zware_ondersteuning",
            "budget_zware_ondersteuning",
            "Budget zware ondersteuning",
            "10600000",
            aliases=("zware",),
        ),
        amount("lwoo", "budget_lwoo", "Middelen lwoo (alleen VO)", ""),
        amount("pro", "budget_pro", "Middelen praktijkonderwijs (alleen VO)", ""),
        amount("lichte_per_leerling", "bedrag_lichte_per_leerling", "Lichte ondersteuning per leerling", "176,50"),
        amount("zware_per_leerling", "bedrag_zware_per_leerling", "Zware ondersteuning per leerling", "480,00"),
        amount(
            "verevening",
            "verevening",
            "Verevening: positief (ontvangt) of negatief (draagt af)",
            "-250000",
            aliases=("vereveningsbedrag",),
        ),
    )
    filename_patterns = ("ondersteuningsbudget*.csv", "ondersteuningsbudget*.xlsx", "bekostiging-swv*.csv")
