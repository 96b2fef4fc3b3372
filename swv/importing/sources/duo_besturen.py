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
            "BEVOEGD GEZAG NUMMER",
            aliases=("BG NUMMER", "bestuursnummer"),
            description="Nummer van het bevoegd gezag",
            example="10249",
        ),
        Column(
            "BEVOEGD GEZAG NAAM",
            aliases=("NAAM", "bestuursnaam"),
            description="Naam van het bestuur",
            example="Stichting Openbaar Onderwijs Emmen",
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
