"""Ondersteuningsbekostiging per samenwerkingsverband per schooljaar (template; DUO publishes the
'Bekostiging samenwerkingsverbanden' with lichte/zware ondersteuning, lwoo, pro and verevening)."""

from swv.importing.common import figure, schooljaar_column, swv_column
from swv.importing.figures import FigureSource


class OndersteuningsbudgetSource(FigureSource):
    key = "ondersteuningsbudget"
    label = "Ondersteuningsbudget en verevening"
    publisher = "DUO, bekostiging samenwerkingsverbanden"
    description = "Bedragen in euro, per schooljaar. Verevening is negatief als het budget erdoor daalt."
    subject, subject_column, period_column, period_kind = "swv", "swv_code", "schooljaar", "schooljaar"
    columns = (
        swv_column(),
        schooljaar_column(),
        figure(
            "ondersteuningsbudget",
            "ondersteuningsbudget",
            type="amount",
            aliases=("totaal", "budget totaal"),
            description="Totaal ondersteuningsbudget na verevening",
            example="14500000",
        ),
        figure(
            "lichte_ondersteuning",
            "budget_lichte_ondersteuning",
            type="amount",
            aliases=("lichte",),
            description="Budget lichte ondersteuning",
            example="3900000",
        ),
        figure(
            "zware_ondersteuning",
            "budget_zware_ondersteuning",
            type="amount",
            aliases=("zware",),
            description="Budget zware ondersteuning",
            example="10600000",
        ),
        figure("lwoo", "budget_lwoo", type="amount", description="Middelen lwoo (alleen VO)", example=""),
        figure(
            "pro",
            "budget_pro",
            type="amount",
            description="Middelen praktijkonderwijs (alleen VO)",
            example="",
        ),
        figure(
            "lichte_per_leerling",
            "bedrag_lichte_per_leerling",
            type="amount",
            description="Lichte ondersteuning per leerling",
            example="176,50",
        ),
        figure(
            "zware_per_leerling",
            "bedrag_zware_per_leerling",
            type="amount",
            description="Zware ondersteuning per leerling",
            example="480,00",
        ),
        figure(
            "verevening",
            "verevening",
            type="amount",
            aliases=("vereveningsbedrag",),
            description="Verevening: positief (ontvangt) of negatief (draagt af)",
            example="-250000",
        ),
    )
    filename_patterns = ("ondersteuningsbudget*.csv", "ondersteuningsbudget*.xlsx", "bekostiging-swv*.csv")
