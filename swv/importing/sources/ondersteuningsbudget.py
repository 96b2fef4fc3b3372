"""Ondersteuningsbekostiging per samenwerkingsverband per schooljaar (template; DUO publishes the
'Bekostiging samenwerkingsverbanden' with lichte/zware ondersteuning, lwoo, pro and verevening)."""

from swv.importing.common import SCHOOLJAAR_COLUMN, SWV_COLUMN, figure
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
        figure(
            "ondersteuningsbudget",
            "ondersteuningsbudget",
            "Totaal ondersteuningsbudget na verevening",
            "14500000",
            type="amount",
            aliases=("totaal", "budget totaal"),
        ),
        figure(
            "lichte_ondersteuning",
            "budget_lichte_ondersteuning",
            "Budget lichte ondersteuning",
            "3900000",
            type="amount",
            aliases=("lichte",),
        ),
        figure(
            "zware_ondersteuning",
            "budget_zware_ondersteuning",
            "Budget zware ondersteuning",
            "10600000",
            type="amount",
            aliases=("zware",),
        ),
        figure("lwoo", "budget_lwoo", "Middelen lwoo (alleen VO)", "", type="amount"),
        figure("pro", "budget_pro", "Middelen praktijkonderwijs (alleen VO)", "", type="amount"),
        figure(
            "lichte_per_leerling",
            "bedrag_lichte_per_leerling",
            "Lichte ondersteuning per leerling",
            "176,50",
            type="amount",
        ),
        figure(
            "zware_per_leerling",
            "bedrag_zware_per_leerling",
            "Zware ondersteuning per leerling",
            "480,00",
            type="amount",
        ),
        figure(
            "verevening",
            "verevening",
            "Verevening: positief (ontvangt) of negatief (draagt af)",
            "-250000",
            type="amount",
            aliases=("vereveningsbedrag",),
        ),
    )
    filename_patterns = ("ondersteuningsbudget*.csv", "ondersteuningsbudget*.xlsx", "bekostiging-swv*.csv")
