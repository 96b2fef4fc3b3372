"""Runs one import: all or nothing, recorded as an ImportRun whatever the outcome."""

import hashlib
import sys
import time
from functools import partial
from pathlib import Path

from django.db import transaction
from tqdm import tqdm

from swv.caching.versions import source_data_changed
from swv.importing.problems import ImportRefused, Problem, capped_notices
from swv.importing.registry import get_source
from swv.models import ImportRun
from swv.services.sync import ValueTooLong


def file_checksum(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def run_import(
    *,
    source_key: str,
    path: Path,
    user=None,
    progress: bool | None = None,
    fictief: bool = False,
    options: dict | None = None,
) -> ImportRun:
    """Import `path` as `source_key`. Raises ImportRefused (after recording the refusal) on a bad file.

    `options` is what the beheerder explicitly allowed (see swv.importing.guards); it is recorded on
    the run, and the importers read it from there.
    """
    source = get_source(source_key)
    path = Path(path)
    if progress is None:
        progress = sys.stderr.isatty()
    started = time.monotonic()
    run = ImportRun(
        bron=source.key,
        bestandsnaam=path.name,
        checksum=file_checksum(path) if path.is_file() else "",
        door=user if user is not None and user.is_authenticated else None,
        door_naam=getattr(user, "username", "") or "beheer (opdrachtregel)",
        fictief=fictief,
        opties=options or {},
    )
    if not path.is_file():
        _record_refusal(run, [Problem(path.name, None, None, "bestand niet gevonden")], started)
    try:
        rows = source.parse(path)
        # Rows that repeat an earlier one are read but loaded once: counted as read, not as refused.
        repeated = getattr(rows, "repeated", 0)
        run.rijen_gelezen = len(rows) + repeated
        with transaction.atomic():
            run.status = ImportRun.Status.GELUKT
            run.save()
            changes = source.load(
                rows, path=path, run=run, progress=partial(tqdm, unit="rij", leave=False, disable=not progress)
            )
            run.rijen_geladen = changes.rows_loaded
            run.rijen_geweigerd = run.rijen_gelezen - repeated - changes.rows_loaded
            run.wijzigingen = changes.total
            run.per_eenheid = {
                unit: dict(zip(("toegevoegd", "gewijzigd", "verwijderd"), counts, strict=True))
                for unit, counts in sorted(changes.per_unit.items())
            }
            run.meldingen = capped_notices([*getattr(rows, "notices", []), *changes.notices])
            run.status = ImportRun.Status.GELUKT if changes.total else ImportRun.Status.ONGEWIJZIGD
            run.duur_seconden = round(time.monotonic() - started, 3)
            run.save()
    except ImportRefused as refused:
        run.pk = None
        _record_refusal(run, refused.problems, started)
    except ValueTooLong as too_long:
        run.pk = None
        _record_refusal(run, [Problem(path.name, None, str(too_long.field.verbose_name), str(too_long))], started)
    if run.wijzigingen:
        source_data_changed()
    return run


def _record_refusal(run: ImportRun, problems: list[Problem], started: float):
    run.status = ImportRun.Status.GEWEIGERD
    run.fouten = [p.as_dict() for p in problems[:200]]
    run.duur_seconden = round(time.monotonic() - started, 3)
    run.save()
    raise ImportRefused(problems)
