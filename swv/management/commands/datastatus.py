import json

from swv.importing.status import data_counts, source_status
from swv.management.commands import DataCommand


class Command(DataCommand):
    help = "Toon wat er geladen is: per bron de laatste import, en de aantallen."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="één JSON-object voor scripts")

    def handle(self, *args, **options):
        counts, sources = data_counts(), source_status()
        if options["json"]:
            payload = {"counts": counts, "bronnen": sources, "imports": sources}
            self.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False))
            return
        for row in sources:
            when = row["laatste_import"] or "nog niet geladen"
            self.stdout.write(f"{row['bron']:<24} {when:<34} {row['bestand'] or ''}")
            self.stdout.write(f"  {row['uitgever']}")
            coverage = ", ".join(f"{unit}: {n} van {total}" for unit, (n, total) in row["dekking"].items())
            if row["peildatum"] or coverage:
                self.stdout.write(f"  peildatum {row['peildatum'] or '-'}; dekking {coverage or '-'}")
            for line in row["uitgesloten"]:
                self.stdout.write(f"  niet meegenomen: {line}")
        self.stdout.write("")
        for key, value in counts.items():
            self.stdout.write(f"{key:<28} {value:>8}")
