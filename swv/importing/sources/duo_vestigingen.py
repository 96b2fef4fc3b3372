"""DUO open onderwijsdata: 'Adressen alle vestigingen' basisonderwijs (bo) and voortgezet onderwijs (vo).

Old-style DUO CSV: Windows-1252, ';', no quoting, space-padded cells, upper-case place names.
BRIN NUMMER is the BRIN4, VESTIGINGSNUMMER the BRIN6, GEMEENTENUMMER the CBS code without 'GM' in the
year of the file (so dissolved gemeenten appear and are resolved through the herindelingen).

Codes are stored in one spelling whatever the file's: BRIN upper case, the BRIN6 also when a file gives
the vestigingsnummer as its two digits ('00'), the gemeentecode as DUO's four digits ('0114', also from
'114' or 'GM0114') and the postcode as '7822 HG'.
"""

import re

from swv.codes import gemeente_code, normalize_postcode
from swv.importing.base import Changes, Column, Source
from swv.importing.common import optional
from swv.importing.guards import refuse_large_loss
from swv.importing.problems import listing
from swv.models import Schoolbestuur, Vestiging
from swv.selectors.gemeenten import GemeenteResolver
from swv.services.links import link_vestigingen
from swv.services.sync import sync_rows

_COLUMNS = (
    Column(
        "BEVOEGD GEZAG NUMMER", "Nummer van het schoolbestuur", "10249", aliases=("BEVOEGD_GEZAG_NUMMER", "BG NUMMER")
    ),
    Column("BRIN NUMMER", "BRIN4 van de school", "16AH", aliases=("BRIN", "INSTELLINGSCODE")),
    Column("VESTIGINGSNUMMER", "BRIN6 van de vestiging", "16AH00", aliases=("VESTIGINGSCODE", "BRIN6")),
    Column("VESTIGINGSNAAM", "Naam van de vestiging", "Openbare Basisschool 't Eenspan", aliases=("NAAM VESTIGING",)),
    Column("STRAATNAAM", "Straat", "Oosterstraat", blank=True),
    Column("HUISNUMMER-TOEVOEGING", "Huisnummer met toevoeging", "58", aliases=("HUISNUMMER",), blank=True),
    Column("POSTCODE", "Postcode", "7822 HG", blank=True),
    Column("PLAATSNAAM", "Plaats", "EMMEN", blank=True),
    Column("GEMEENTENUMMER", "CBS-gemeentecode zonder GM", "0114", aliases=("GEMEENTECODE",), blank=True),
    Column("GEMEENTENAAM", "Gemeente", "EMMEN", blank=True),
    optional("DENOMINATIE", "Denominatie", "Openbaar"),
    optional("INTERNETADRES", "Website", "www.obs-eenspan.nl"),
)


def brin6_of(brin: str, vestiging: str) -> str:
    """The BRIN6 from DUO's VESTIGINGSNUMMER: a BRIN6 ('16AH00') or only its number ('00', '0', 1)."""
    vestiging = vestiging.strip().upper()
    if re.fullmatch(r"\d{1,2}", vestiging):
        return f"{brin.strip().upper()}{vestiging.zfill(2)}"
    return vestiging


def _gemeentenummer(raw: str) -> str:
    code = gemeente_code(raw)
    return code[2:] if code else raw


class _DuoVestigingen(Source):
    publisher = "DUO, open onderwijsdata"
    after = ("cbs_gemeentegrenzen",)
    soort: str
    unique = ("VESTIGINGSNUMMER",)

    def row_key(self, values):
        if values["BRIN NUMMER"] is None or values["VESTIGINGSNUMMER"] is None:
            return None
        return (brin6_of(values["BRIN NUMMER"], values["VESTIGINGSNUMMER"]),)

    def load(self, rows, *, path, run, progress) -> Changes:
        besturen = {b.nummer: b for b in Schoolbestuur.objects.all()}
        wanted_besturen = {
            r["BEVOEGD GEZAG NUMMER"]: {"nummer": r["BEVOEGD GEZAG NUMMER"]}
            for r in rows
            if r["BEVOEGD GEZAG NUMMER"] not in besturen
        }
        changes = sync_rows(Schoolbestuur, existing={}, desired=wanted_besturen, delete_missing=False)
        bestuur_ids = dict(Schoolbestuur.objects.values_list("nummer", "pk"))
        resolver = GemeenteResolver(use_school_clues=False)
        unresolved = set()
        desired = {}
        for row in progress(rows, desc=self.key):
            postcode = normalize_postcode(row["POSTCODE"] or "")
            pc4 = postcode[:4] if postcode[:4].isdigit() else ""
            code, name = _gemeentenummer(row["GEMEENTENUMMER"] or ""), row["GEMEENTENAAM"] or ""
            resolution = resolver.resolve(code, pc4=pc4 or None, fallback_name=name) if (code or name) else None
            if resolution is None or resolution.gemeente is None:
                unresolved.add(f"{code} {name}".strip())
            brin6 = brin6_of(row["BRIN NUMMER"], row["VESTIGINGSNUMMER"])
            desired[brin6] = {
                "brin6": brin6,
                "brin4": row["BRIN NUMMER"].upper(),
                "naam": row["VESTIGINGSNAAM"],
                "soort": self.soort,
                "onderwijsstructuur": row.get("ONDERWIJSSTRUCTUUR") or "",
                "denominatie": row["DENOMINATIE"] or "",
                "straat": " ".join(filter(None, [row["STRAATNAAM"], row["HUISNUMMER-TOEVOEGING"]])),
                "postcode": postcode,
                "pc4": pc4,
                "plaats": (row["PLAATSNAAM"] or "").title(),
                "website": row["INTERNETADRES"] or "",
                "gemeente_id": resolution.gemeente.pk if resolution and resolution.gemeente else None,
                "gemeente_bron": f"{code} {name}".strip(),
                "bestuur_id": bestuur_ids[row["BEVOEGD GEZAG NUMMER"]],
            }
        existing = {v.brin6: v for v in Vestiging.objects.filter(soort=self.soort)}
        # DUO lists every vestiging of the sector: a file that lacks many is cut off, or of the other sector.
        # A fictional demo set (fixtures/demo) stands in for the real schools by design.
        if not run.fictief:
            refuse_large_loss(existing, desired, file=path.name, what=f"vestigingen ({self.soort})", run=run)
        changes.add(sync_rows(Vestiging, existing=existing, desired=desired))
        changes.add(link_vestigingen())
        if unresolved:
            changes.notices.append(f"gemeente niet gevonden voor: {listing(sorted(unresolved))}")
        changes.rows_loaded = len(rows)
        return changes


class DuoVestigingenBo(_DuoVestigingen):
    key = "duo_vestigingen_bo"
    label = "DUO adressen vestigingen basisonderwijs"
    description = "Bestand '03.-alle-vestigingen-basisonderwijs.csv' van DUO."
    columns = _COLUMNS
    filename_patterns = ("*vestigingen-bo*.csv", "*vestigingen*basisonderwijs*.csv", "*vestigingen_bo*.csv")
    soort = "bo"


class DuoVestigingenVo(_DuoVestigingen):
    key = "duo_vestigingen_vo"
    label = "DUO adressen vestigingen voortgezet onderwijs"
    description = "Bestand '02.-alle-vestigingen-vo.csv' van DUO."
    columns = (
        *_COLUMNS,
        Column("ONDERWIJSSTRUCTUUR", "Schoolsoorten op de vestiging", "VBO/MAVO/HAVO/VWO", blank=True),
    )
    filename_patterns = ("*vestigingen-vo*.csv", "*vestigingen_vo*.csv")
    soort = "vo"
