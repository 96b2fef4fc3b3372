"""The registry of sources, in the order load_all imports them."""

from swv.importers.aanbod import AanbodSource
from swv.importers.base import Source
from swv.importers.bekostiging import BekostigingSource
from swv.importers.cbs_gemeentegrenzen import GemeentegrenzenSource
from swv.importers.duo_besturen import DuoBesturenSource
from swv.importers.duo_vestigingen import DuoVestigingenBo, DuoVestigingenVo
from swv.importers.duo_vsv import DuoVsvSource
from swv.importers.financiele_kengetallen import FinancieleKengetallenSource
from swv.importers.geschillen import GeschillenSource
from swv.importers.governance import GovernanceSource
from swv.importers.inspectie import InspectieSource
from swv.importers.jeugdzorg import JeugdzorgSource
from swv.importers.leerlingen import LeerlingenSource
from swv.importers.ondersteuningsbudget import OndersteuningsbudgetSource
from swv.importers.regio_gemeente import RegioGemeenteSource
from swv.importers.regio_pc4 import RegioPc4Source
from swv.importers.swv_adressen import SwvAdressenSource
from swv.importers.verzuim import VerzuimSource

_ALL: list[Source] = [
    GemeentegrenzenSource(),
    DuoVestigingenBo(),
    DuoVestigingenVo(),
    DuoBesturenSource(),
    RegioPc4Source(),
    SwvAdressenSource(),
    RegioGemeenteSource(),
    DuoVsvSource(),
    LeerlingenSource(),
    AanbodSource(),
    OndersteuningsbudgetSource(),
    FinancieleKengetallenSource(),
    VerzuimSource(),
    GeschillenSource(),
    GovernanceSource(),
    InspectieSource(),
    JeugdzorgSource(),
    BekostigingSource(),
]
SOURCES: dict[str, Source] = {s.key: s for s in sorted(_ALL, key=lambda s: s.order)}


def get_source(key: str) -> Source:
    try:
        return SOURCES[key]
    except KeyError:
        raise KeyError(f"onbekende bron {key!r}; kies uit: {', '.join(SOURCES)}") from None


def source_for_file(path) -> Source | None:
    return next((s for s in SOURCES.values() if s.matches(path)), None)
