import tarfile
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from django.core.management.base import CommandError

from swv.importing.problems import ImportRefused
from swv.importing.registry import SOURCES, detect_source
from swv.importing.run import run_import
from swv.management.commands import DataCommand
from swv.management.commands.import_data import prepare_pages, report_run
from swv.services.regions import one_rebuild_for_many_imports

# Documentation and provenance notes next to the data files are not data.
NOT_DATA = {".md", ".txt", ".pdf", ".html"}
# The repository ships its copy of the open data as one compressed archive per source folder.
ARCHIVES = (".tar.xz", ".tar.gz", ".tgz", ".tar")


def _files(directory: Path, stack: ExitStack) -> list[Path]:
    """Every file of the folder, with the files inside its archives (unpacked into a temporary folder)."""
    found = []
    for path in sorted(p for p in directory.rglob("*") if p.is_file() and p.name != "FICTIEF"):
        if not path.name.lower().endswith(ARCHIVES):
            found.append(path)
            continue
        target = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="opendata-"))) / path.name.split(".")[0]
        with tarfile.open(path) as archive:
            archive.extractall(target, filter="data")  # no absolute paths, links or devices
        found.extend(sorted(p for p in target.rglob("*") if p.is_file()))
    return found


class Command(DataCommand):
    help = (
        "Importeer alle herkende bestanden in een of meer mappen (en submappen), in de volgorde van de "
        "afhankelijkheden. Een bestand wordt herkend aan zijn kolommen; een onbekend bestand wordt gemeld "
        "en overgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument("directories", type=Path, nargs="+", metavar="directory")

    def handle(self, *args, directories, **options):
        with ExitStack() as stack:
            self._load(directories, stack)

    def _load(self, directories: list[Path], stack: ExitStack) -> None:
        order = {key: i for i, key in enumerate(SOURCES)}
        found, ignored = [], []
        for directory in directories:
            if not directory.is_dir():
                raise CommandError(f"{directory} is geen map")
            # A folder of invented example files says so with a FICTIEF marker; its figures are labelled fictief.
            fictief = (directory / "FICTIEF").exists()
            for path in _files(directory, stack):
                if path.suffix.lower() in NOT_DATA:
                    continue
                detection = detect_source(path)
                if detection.source is None:
                    ignored.append((path, detection.reason))
                else:
                    source = detection.source
                    found.append((order[source.key], path.name, path, source, fictief))
        for path, reason in ignored:
            self.stdout.write(f"  niet herkend, overgeslagen: {path} ({reason})")
        if not found:
            raise CommandError(f"geen herkende bronbestanden in {', '.join(str(d) for d in directories)}")
        started = time.perf_counter()
        with one_rebuild_for_many_imports():
            for _, _, path, source, fictief in sorted(found, key=lambda item: item[:2]):
                try:
                    run = run_import(source_key=source.key, path=path, fictief=fictief)
                except ImportRefused as refused:
                    raise CommandError(f"{source.key}: {refused}") from None
                report_run(self.stdout, self.style, run)
        self.stdout.write(f"load_all klaar in {time.perf_counter() - started:.2f} s")
        prepare_pages(self.stdout, self.stderr)
