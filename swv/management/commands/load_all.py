import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from swv.importing.problems import ImportRefused
from swv.importing.registry import SOURCES, source_for_file
from swv.importing.run import run_import
from swv.management.commands.import_data import prepare_pages, report_run
from swv.services.regions import one_rebuild_for_many_imports


class Command(BaseCommand):
    # Data commands skip the system checks (URL and template scans): `manage.py check` and CI run them.
    requires_system_checks = []
    help = "Importeer alle herkende bestanden in een map (en submappen), in de volgorde van de afhankelijkheden."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory, **options):
        if not directory.is_dir():
            raise CommandError(f"{directory} is geen map")
        # A folder of invented example files says so with a FICTIEF marker; its figures are labelled fictief.
        fictief = (directory / "FICTIEF").exists()
        order = {key: i for i, key in enumerate(SOURCES)}
        found, ignored = [], []
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            source = source_for_file(path)
            if source is None:
                ignored.append(path)
            else:
                found.append((order[source.key], path.name, path, source))
        if not found:
            raise CommandError(f"geen herkende bronbestanden in {directory}")
        started = time.perf_counter()
        with one_rebuild_for_many_imports():
            for _, _, path, source in sorted(found, key=lambda item: item[:2]):
                try:
                    run = run_import(source_key=source.key, path=path, fictief=fictief)
                except ImportRefused as refused:
                    raise CommandError(f"{source.key}: {refused}") from None
                report_run(self.stdout, self.style, run)
        self.stdout.write(f"load_all klaar in {time.perf_counter() - started:.2f} s")
        prepare_pages(self.stdout, self.stderr)
        for path in ignored:
            if path.suffix.lower() in {".csv", ".xlsx", ".geojson", ".json"}:
                self.stdout.write(f"  niet herkend, overgeslagen: {path.relative_to(directory)}")
