"""Names of the schoolbesturen (template; DUO 'Adressen bevoegde gezagen' with BEVOEGD GEZAG NUMMER and
BEVOEGD GEZAG NAAM). The DUO vestigingen files give only the number."""

from swv.importing.base import Changes, Column, Source
from swv.models import Schoolbestuur
from swv.services.sync import sync_rows


class DuoBesturenSource(Source):
    key = "duo_besturen"
    label = "Namen van schoolbesturen (bevoegde gezagen)"
    publisher = "DUO, adressen bevoegde gezagen"
    columns = (
        Column(
            "BEVOEGD GEZAG NUMMER", "Nummer van het bevoegd gezag", "10249", aliases=("BG NUMMER", "bestuursnummer")
        ),
        Column(
            "BEVOEGD GEZAG NAAM",
            "Naam van het bestuur",
            "Stichting Openbaar Onderwijs Emmen",
            aliases=("NAAM", "bestuursnaam"),
        ),
    )
    unique = ("BEVOEGD GEZAG NUMMER",)
    filename_patterns = ("*bevoegde-gezagen*.csv", "*besturen*.csv", "*besturen*.xlsx")
    after = ("duo_vestigingen_bo", "duo_vestigingen_vo")
    template = True

    def load(self, rows, *, path, run, progress) -> Changes:
        existing = {b.nummer: b for b in Schoolbestuur.objects.all()}
        desired = {
            r["BEVOEGD GEZAG NUMMER"]: {"nummer": r["BEVOEGD GEZAG NUMMER"], "naam": r["BEVOEGD GEZAG NAAM"]}
            for r in progress(rows, desc=self.key)
        }
        changes = sync_rows(Schoolbestuur, existing=existing, desired=desired, delete_missing=False)
        changes.rows_loaded = len(rows)
        return changes
