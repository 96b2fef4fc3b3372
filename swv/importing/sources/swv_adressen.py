"""Names and organisation contacts of the SWV's (template; DUO 'Adressen samenwerkingsverbanden'
uses SAMENWERKINGSVERBANDNUMMER, NAAM, STRAATNAAM, HUISNUMMER-TOEVOEGING, POSTCODE, PLAATSNAAM,
TELEFOONNUMMER, INTERNETADRES, ADMINISTRATIENUMMER). Only organisation contacts: never a person's name or
address. The bestuursnummer links the SWV to its annual accounts (duo_financien_po) and overrides the link
table swv/data/swv_besturen.csv."""

from swv.codes import normalize_postcode
from swv.importing.base import REGION_SOURCES, Changes, Column, Source
from swv.importing.common import SWV_ALIASES
from swv.importing.problems import ProblemCollector
from swv.models import Samenwerkingsverband
from swv.services.sync import sync_rows


def _website(raw: str) -> str:
    if raw and not raw.lower().startswith(("http://", "https://")):
        return f"https://{raw}"
    return raw


def _telefoon(raw: str) -> str:
    """A Dutch number has ten digits from its leading 0; a spreadsheet that took it for a number dropped it."""
    return f"0{raw}" if raw.isdigit() and len(raw) == 9 else raw


class SwvAdressenSource(Source):
    key = "swv_adressen"
    label = "Namen en contactgegevens samenwerkingsverbanden"
    publisher = "DUO, adressen samenwerkingsverbanden"
    description = "Alleen contactgegevens van de organisatie, nooit van personen."
    columns = (
        Column(
            "SAMENWERKINGSVERBANDNUMMER",
            type="swv_code",
            aliases=SWV_ALIASES + ("swv_code",),
            description="Code van het samenwerkingsverband",
            example="PO3009",
        ),
        Column(
            "NAAM",
            aliases=("NAAM SAMENWERKINGSVERBAND", "SAMENWERKINGSVERBANDNAAM", "naam"),
            description="Naam van het samenwerkingsverband",
            example="Samenwerkingsverband De Kempen PO",
        ),
        Column(
            "BESTUURSNUMMER",
            # DUO's address file of the SWV's calls the SWV's own bevoegd-gezagnummer ADMINISTRATIENUMMER.
            aliases=("ADMINISTRATIENUMMER", "BEVOEGD GEZAG NUMMER", "bevoegd gezag"),
            required=False,
            blank=True,
            description="Bestuursnummer (bevoegd gezag) van het samenwerkingsverband zelf, als in de jaarrekeningen",
            example="21599",
        ),
        Column(
            "STRAATNAAM",
            aliases=("straat",),
            required=False,
            blank=True,
            description="Straat",
            example="Markt",
        ),
        Column(
            "HUISNUMMER-TOEVOEGING",
            aliases=("huisnummer",),
            required=False,
            blank=True,
            description="Huisnummer",
            example="12",
        ),
        Column("POSTCODE", required=False, blank=True, description="Postcode", example="5531 AB"),
        Column(
            "PLAATSNAAM",
            aliases=("plaats",),
            required=False,
            blank=True,
            description="Plaats",
            example="BLADEL",
        ),
        Column(
            "TELEFOONNUMMER",
            aliases=("telefoon",),
            required=False,
            blank=True,
            description="Algemeen telefoonnummer",
            example="0497123456",
        ),
        Column(
            "E-MAILADRES",
            aliases=("email", "e-mail"),
            required=False,
            blank=True,
            description="Algemeen e-mailadres",
            example="info@swv-voorbeeld.nl",
        ),
        Column(
            "INTERNETADRES",
            aliases=("website",),
            required=False,
            blank=True,
            description="Website",
            example="www.swv-voorbeeld.nl",
        ),
    )
    unique = ("SAMENWERKINGSVERBANDNUMMER",)
    filename_patterns = ("swv-adressen*.csv", "swv-adressen*.xlsx", "*adressen-samenwerkingsverbanden*.csv")
    after = REGION_SOURCES
    template = True

    def load(self, rows, *, path, run, progress) -> Changes:
        collector = ProblemCollector(path.name)
        existing = {s.code: s for s in Samenwerkingsverband.objects.all()}
        desired = {}
        for row in progress(rows, desc=self.key):
            code = row["SAMENWERKINGSVERBANDNUMMER"]
            if code not in existing:
                collector.add(
                    row.number,
                    "SAMENWERKINGSVERBANDNUMMER",
                    f"onbekend samenwerkingsverband {code} (niet in de geladen regio-indeling)",
                )
                continue
            email = row["E-MAILADRES"] or ""
            if email and "@" not in email:
                collector.add(row.number, "E-MAILADRES", f"verwacht een e-mailadres, gevonden {email!r}")
            desired[code] = {
                "naam": row["NAAM"],
                "straat": " ".join(filter(None, [row["STRAATNAAM"], row["HUISNUMMER-TOEVOEGING"]])),
                "postcode": normalize_postcode(row["POSTCODE"] or ""),
                "plaats": (row["PLAATSNAAM"] or "").title(),
                "telefoon": _telefoon(row["TELEFOONNUMMER"] or ""),
                "email": email,
                "website": _website(row["INTERNETADRES"] or ""),
                "bestuursnummer": row["BESTUURSNUMMER"] or "",
            }
        collector.raise_if_any()
        changes = sync_rows(
            Samenwerkingsverband,
            existing={c: existing[c] for c in desired},
            desired=desired,
            delete_missing=False,
        )
        for swv in Samenwerkingsverband.objects.filter(code__in=desired):
            old_slug = swv.slug
            swv.save()  # the slug follows the name
            changes.updated += swv.slug != old_slug
        changes.rows_loaded = len(rows)
        return changes
