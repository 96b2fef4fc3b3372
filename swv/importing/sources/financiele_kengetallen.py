"""Financiële kengetallen uit de jaarrekening (template; DUO 'Financiële kengetallen samenwerkingsverbanden'
and the inspectie's signaleringswaarde)."""

from swv.importing.common import figure, jaar_column, swv_column
from swv.importing.figures import Derived, FigureSource


class FinancieleKengetallenSource(FigureSource):
    key = "financiele_kengetallen"
    label = "Reserves en weerstandsvermogen"
    publisher = "Jaarrekening samenwerkingsverband (DUO, financiële kengetallen)"
    description = "Bedragen in euro per 31 december van het verslagjaar."
    subject, subject_column, period_column, period_kind = "swv", "swv_code", "jaar", "jaar"
    columns = (
        swv_column(),
        jaar_column(),
        figure(
            "reserves",
            "reserves",
            type="amount",
            aliases=("eigen vermogen",),
            description="Eigen vermogen",
            example="3200000",
        ),
        figure(
            "benodigd_weerstandsvermogen",
            "weerstandsvermogen_benodigd",
            type="amount",
            aliases=("weerstandsvermogen", "benodigd weerstandsvermogen"),
            description="Benodigd weerstandsvermogen volgens de risicoanalyse",
            example="1100000",
        ),
        figure(
            "signaleringswaarde",
            "signaleringswaarde",
            type="amount",
            description="Signaleringswaarde bovenmatige reserve (inspectie)",
            example="1900000",
        ),
        figure(
            "besteding_centrale_voorzieningen",
            "besteding_centrale_voorzieningen",
            type="amount",
            description="Uitgaven aan eigen, centrale voorzieningen (zelf opgegeven)",
            example="4100000",
        ),
        figure(
            "middelen_naar_besturen",
            "middelen_naar_besturen",
            type="amount",
            description="Middelen doorgegeven aan schoolbesturen (zelf opgegeven)",
            example="9800000",
        ),
    )
    derived = (Derived("reserves_min_weerstandsvermogen", "difference", "reserves", "weerstandsvermogen_benodigd"),)
    filename_patterns = ("financiele-kengetallen*.csv", "financiele-kengetallen*.xlsx", "kengetallen*.csv")
