"""Column declarations that several template sources share."""

from swv.importing.base import Column

SWV_ALIASES = (
    "swv",
    "samenwerkingsverband",
    "samenwerkingsverbandnummer",
    "samenwerkingsverband_nummer",
    "swv code",
    "swv_nummer",
    "code samenwerkingsverband",
)
GEMEENTE_ALIASES = (
    "gemeentecode",
    "gemeente code",
    "gemeentenummer",
    "gemeentenaam",
    "cbs code",
    "regiocode",
)


def swv_column() -> Column:
    return Column(
        "swv_code",
        type="swv_code",
        aliases=SWV_ALIASES,
        description="Code van het samenwerkingsverband (PO3009, PO 30-09 of PO 30.09)",
        example="PO3009",
    )


def gemeente_column() -> Column:
    return Column(
        "gemeente",
        type="gemeente",
        aliases=GEMEENTE_ALIASES,
        description="CBS-gemeentecode (GM0363 of 0363) of de naam van de gemeente",
        example="GM0363",
    )


def peildatum_column(*, description: str, example: str) -> Column:
    return Column("peildatum", type="date", aliases=("datum",), description=description, example=example)


def teldatum_column() -> Column:
    return Column(
        "teldatum",
        type="date",
        aliases=("peildatum", "datum"),
        description="Teldatum (meestal 1 oktober)",
        example="2024-10-01",
    )


def schooljaar_column() -> Column:
    return Column(
        "schooljaar",
        type="schooljaar",
        aliases=("jaar", "periode"),
        description="Schooljaar",
        example="2024-2025",
    )


def jaar_column() -> Column:
    return Column(
        "jaar",
        type="year",
        aliases=("kalenderjaar", "boekjaar", "verslagjaar"),
        description="Kalenderjaar",
        example="2024",
    )


def figure(
    name: str, indicator: str, *, type: str = "count", aliases=(), description: str = "", example: str = ""
) -> Column:
    """An optional value column: an empty cell means 'niet aangeleverd'."""
    return Column(
        name,
        type=type,
        aliases=aliases,
        required=False,
        blank=True,
        indicator=indicator,
        description=description,
        example=example,
    )
