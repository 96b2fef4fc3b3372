"""Column declarations that several template sources share (a Column is frozen: one instance serves all)."""

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
GEMEENTE_ALIASES = ("gemeentecode", "gemeente code", "gemeentenummer", "gemeentenaam", "cbs code", "regiocode")


SWV_COLUMN = Column(
    "swv_code",
    "Code van het samenwerkingsverband (PO3009, PO 30-09 of PO 30.09)",
    "PO3009",
    type="swv_code",
    aliases=SWV_ALIASES,
)
GEMEENTE_COLUMN = Column(
    "gemeente",
    "CBS-gemeentecode (GM0363 of 0363) of de naam van de gemeente",
    "GM0363",
    type="gemeente",
    aliases=GEMEENTE_ALIASES,
)
TELDATUM_COLUMN = Column(
    "teldatum", "Teldatum (meestal 1 oktober)", "2024-10-01", type="date", aliases=("peildatum", "datum")
)
SCHOOLJAAR_COLUMN = Column("schooljaar", "Schooljaar", "2024-2025", type="schooljaar", aliases=("jaar", "periode"))
JAAR_COLUMN = Column("jaar", "Kalenderjaar", "2024", type="year", aliases=("kalenderjaar", "boekjaar", "verslagjaar"))


def peildatum_column(description: str, example: str) -> Column:
    return Column("peildatum", description, example, type="date", aliases=("datum",))


def optional(name: str, description: str = "", example: str = "", **options) -> Column:
    """A column a file may leave out, and whose cells may be empty."""
    return Column(name, description, example, required=False, blank=True, **options)


def figure(name: str, indicator: str, description: str = "", example: str = "", *, type="count", **options) -> Column:
    """An optional value column: an empty cell means 'niet aangeleverd'."""
    return optional(name, description, example, type=type, indicator=indicator, **options)


def amount(name: str, indicator: str, description: str = "", example: str = "", **options) -> Column:
    """A figure column of an amount in euro."""
    return figure(name, indicator, description, example, type="amount", **options)
