"""Bestuurlijke inrichting per SWV (template; from the statutes and the jaarverslag, no national file)."""

from swv.importing.base import Column
from swv.importing.common import peildatum_column, swv_column
from swv.importing.figures import FigureSource


class GovernanceSource(FigureSource):
    key = "governance"
    label = "Bestuurlijke inrichting en intern toezicht"
    publisher = "Samenwerkingsverband, statuten en jaarverslag"
    description = "Eén rij per samenwerkingsverband per peildatum."
    subject, subject_column, period_column, period_kind = "swv", "swv_code", "peildatum", "datum"
    columns = (
        swv_column(),
        peildatum_column(description="Datum waarop de inrichting zo was", example="2024-01-01"),
        Column(
            "rechtsvorm",
            required=False,
            blank=True,
            indicator="rechtsvorm",
            choices=("stichting", "vereniging"),
            description="stichting of vereniging",
            example="stichting",
        ),
        Column(
            "bestuursmodel",
            aliases=("toezichtmodel", "governancemodel"),
            required=False,
            blank=True,
            indicator="bestuursmodel",
            choices=(
                "bestuur en directie",
                "raad van toezicht",
                "raad van beheer",
                "one-tier bestuur",
                "algemene ledenvergadering",
            ),
            description="bestuur en directie, raad van toezicht, raad van beheer, one-tier bestuur "
            "of algemene ledenvergadering",
            example="raad van toezicht",
        ),
        Column(
            "onafhankelijk_lid",
            type="bool",
            aliases=("onafhankelijk toezicht", "onafhankelijk intern toezicht"),
            required=False,
            blank=True,
            indicator="onafhankelijk_toezicht",
            description="Ten minste één onafhankelijk lid in bestuur of raad van toezicht (ja/nee)",
            example="ja",
        ),
    )
    filename_patterns = ("governance*.csv", "governance*.xlsx", "bestuurlijke-inrichting*.csv")
