"""Names and organisation contacts of the SWV's (template; DUO 'Adressen samenwerkingsverbanden'
uses SAMENWERKINGSVERBANDNUMMER, NAAM, STRAATNAAM, HUISNUMMER-TOEVOEGING, POSTCODE, PLAATSNAAM,
TELEFOONNUMMER, INTERNETADRES, ADMINISTRATIENUMMER). Only organisation contacts: never a person's name or
address. The bestuursnummer links the SWV to its annual accounts (duo_financien_po) and overrides the link
table swv/data/swv_besturen.csv."""

from swv.codes import normalize_postcode
from swv.importing.base import REGION_SOURCES, Changes, Column, Source
from swv.importing.common import SWV_ALIASES, optional
from swv.importing.problems import ProblemCollector, unknown_swv
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
            "Code van het samenwerkingsverband",
            "PO3009",
            type="swv_code",
            aliases=SWV_ALIASES + ("swv_code",),
        ),
        Column(
            "NAAM",
            "Naam van het samenwerkingsverband",
            "Samenwerkingsverband De Kempen PO",
            aliases=("NAAM SAMENWERKINGSVERBAND", "SAMENWERKINGSVERBANDNAAM", "naam"),
        ),
        optional(
            "BESTUURSNUMMER",
            "Bestuursnummer (bevoegd gezag) van het samenwerkingsverband zelf, als in de jaarrekeningen",
            "21599",
            # DUO's address file of the SWV's calls the SWV's own bevoegd-gezagnummer ADMINISTRATIENUMMER.
            aliases=("ADMINISTRATIENUMMER", "BEVOEGD GEZAG NUMMER", "bevoegd gezag"),
        ),
        optional("STRAATNAAM", "Straat", "Markt", aliases=("straat",)),
        optional("HUISNUMMER-TOEVOEGING", "Huisnummer", "12", aliases=("huisnummer",)),
        optional("POSTCODE", "Postcode", "5531 AB"),
        optional("PLAATSNAAM", "Plaats", "BLADEL", aliases=("plaats",)),
        optional("TELEFOONNUMMER", "Algemeen telefoonnummer", "0497123456", aliases=("telefoon",)),
        optional("E-MAILADRES", "Algemeen e-mailadres", "info@swv-voorbeeld.nl", aliases=("email", "e-mail")),
        optional("INTERNETADRES", "Website", "www.swv-voorbeeld.nl", aliases=("website",)),
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
                collector.add(row.number, "SAMENWERKINGSVERBANDNUMMER", unknown_swv(code))
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
            Samenwerkingsverband, existing={c: existing[c] for c in desired}, desired=desired, delete_missing=False
        )
        for swv in Samenwerkingsverband.objects.filter(code__in=desired):
            old_slug = swv.slug
            swv.save()  # the slug follows the name
            changes.updated += swv.slug != old_slug
        changes.rows_loaded = len(rows)
        return changes
