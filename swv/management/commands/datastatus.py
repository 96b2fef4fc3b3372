import json

from django.core.management.base import BaseCommand

from swv.importing.status import data_counts, last_imports


class Command(BaseCommand):
    # Data commands skip the system checks (URL and template scans): `manage.py check` and CI run them.
    requires_system_checks = []
    help = "Toon wat er geladen is: per bron de laatste import, en de aantallen."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="één JSON-object voor scripts")

    def handle(self, *args, **options):
        counts, imports = data_counts(), last_imports()
        if options["json"]:
            self.stdout.write(json.dumps({"counts": counts, "imports": imports}, indent=2))
            return
        for row in imports:
            when = row["laatste_import"] or "nog niet geladen"
            self.stdout.write(f"{row['bron']:<24} {when:<34} {row['bestand'] or ''}")
        self.stdout.write("")
        for key, value in counts.items():
            self.stdout.write(f"{key:<28} {value:>8}")
