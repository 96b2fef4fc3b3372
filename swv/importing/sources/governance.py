"""Bestuurlijke inrichting per SWV (template; from the statutes and the jaarverslag, no national file)."""

from swv.importing.common import SWV_COLUMN, optional, peildatum_column
from swv.importing.figures import FigureSource


class GovernanceSource(FigureSource):
    key = "governance"
    label = "Bestuurlijke inrichting en intern toezicht"
    publisher = "Samenwerkingsverband, statuten en jaarverslag"
    description = "Eén rij per samenwerkingsverband per peildatum."
    subject, period_column, period_kind = "swv", "peildatum", "datum"
    columns = (
        SWV_COLUMN,
        peildatum_column("Datum waarop de inrichting zo was", "2024-01-01"),
        optional(
            "rechtsvorm",
            "stichting of vereniging",
            "stichting",
            indicator="rechtsvorm",
            choices=("stichting", "vereniging"),
        ),
        optional(
            "bestuursmodel",
            "bestuur en directie, raad van toezicht, raad van beheer, one-tier bestuur of algemene ledenvergadering",
            "raad van toezicht",
            aliases=("toezichtmodel", "governancemodel"),
            indicator="bestuursmodel",
            choices=(
                "bestuur en directie",
                "raad van toezicht",
                "raad van beheer",
                "one-tier bestuur",
                "algemene ledenvergadering",
            ),
        ),
        optional(
            "onafhankelijk_lid",
            "Ten minste één onafhankelijk lid in bestuur of raad van toezicht (ja/nee)",
            "ja",
            type="bool",
            aliases=("onafhankelijk toezicht", "onafhankelijk intern toezicht"),
            indicator="onafhankelijk_toezicht",
        ),
    )
    filename_patterns = ("governance*.csv", "governance*.xlsx", "bestuurlijke-inrichting*.csv")
