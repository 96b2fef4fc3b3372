from swv.models.cijfers import NIET_VAN_TOEPASSING, Indicator, Waarde
from swv.models.geografie import Gemeente, GemeenteGrens, Herindeling, Indeling, Postcodegebied, SwvGemeente
from swv.models.imports import ImportRun
from swv.models.leerlingen import Leerlingtelling, Schoolcijfer
from swv.models.meldingen import Melding
from swv.models.organisatie import Samenwerkingsverband, Schoolbestuur, Sector, Vestiging
from swv.models.publicatie import Publicatie, PublicatieWaarde

__all__ = [
    "NIET_VAN_TOEPASSING",
    "Gemeente",
    "GemeenteGrens",
    "Herindeling",
    "ImportRun",
    "Indeling",
    "Indicator",
    "Leerlingtelling",
    "Melding",
    "Postcodegebied",
    "Publicatie",
    "PublicatieWaarde",
    "Samenwerkingsverband",
    "Schoolcijfer",
    "Schoolbestuur",
    "Sector",
    "SwvGemeente",
    "Vestiging",
    "Waarde",
]
