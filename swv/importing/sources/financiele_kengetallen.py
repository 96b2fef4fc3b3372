"""Financiële kengetallen uit de jaarrekening (template; DUO 'Financiële kengetallen samenwerkingsverbanden'
and the inspectie's signaleringswaarde)."""

from swv.importing.common import JAAR_COLUMN, SWV_COLUMN, amount
from swv.importing.figures import Derived, FigureSource


class FinancieleKengetallenSource(FigureSource):
    key = "financiele_kengetallen"
    label = "Reserves en weerstandsvermogen"
    publisher = "Jaarrekening samenwerkingsverband (DUO, financiële kengetallen)"
    description = "Bedragen in euro per 31 december van het verslagjaar."
    subject, period_column, period_kind = "swv", "jaar", "jaar"
    columns = (
        SWV_COLUMN,
        JAAR_COLUMN,
        amount("reserves", "reserves", "Eigen vermogen", "3200000", aliases=("eigen vermogen",)),
        amount(
            "benodigd_weerstandsvermogen",
            "weerstandsvermogen_benodigd",
            "Benodigd weerstandsvermogen volgens de risicoanalyse",
            "1100000",
            aliases=("weerstandsvermogen", "benodigd weerstandsvermogen"),
        ),
        amount(
            "signaleringswaarde", "signaleringswaarde", "Signaleringswaarde bovenmatige reserve (inspectie)", "1900000"
        ),
        amount(
            "besteding_centrale_voorzieningen",
            "besteding_centrale_voorzieningen",
            "Uitgaven aan eigen, centrale voorzieningen (zelf opgegeven)",
            "4100000",
        ),
        amount(
            "middelen_naar_besturen",
            "middelen_naar_besturen",
            "Middelen doorgegeven aan schoolbesturen (zelf opgegeven)",
            "9800000",
        ),
    )
    derived = (Derived("reserves_min_weerstandsvermogen", "difference", "reserves", "weerstandsvermogen_benodigd"),)
    filename_patterns = ("financiele-kengetallen*.csv", "financiele-kengetallen*.xlsx", "kengetallen*.csv")
