import logging
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import CommandError
from django.test import RequestFactory
from django.urls import reverse

from landelijk import views as landelijk_views
from swv.codes import normalize_swv_code
from swv.importing.guards import ALLOW_REMOVAL, NEW_SWV
from swv.importing.problems import ImportRefused
from swv.importing.registry import SOURCES
from swv.importing.run import run_import
from swv.management.commands import DataCommand
from swv.opendata.published import current_publication
from swv.services.derived import prepare_derived_data

logger = logging.getLogger(__name__)
SHOWN_UNITS = 20


class Command(DataCommand):
    help = "Importeer één bronbestand: import_data <bron> <bestand>. Alles of niets."

    def add_arguments(self, parser):
        parser.add_argument("source", choices=list(SOURCES), help="welke bron het bestand is")
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--verwijderen-toestaan",
            action="store_true",
            dest="allow_removal",
            help="sta toe dat deze import meer dan een klein deel van de opgeslagen rijen verwijdert",
        )

        parser.add_argument(
            "--nieuw-swv",
            action="append",
            default=[],
            dest="new_swvs",
            metavar="CODE=VOORGANGER",
            help="een indeling mag dit nieuwe samenwerkingsverband noemen (met de code die het opvolgt)",
        )

    def handle(self, *args, source, file, allow_removal=False, new_swvs=(), **options):
        opties = {ALLOW_REMOVAL: True} if allow_removal else {}
        if new_swvs:
            opties[NEW_SWV] = dict(_declared(text) for text in new_swvs)
        try:
            run = run_import(source_key=source, path=file, options=opties)
        except ImportRefused as refused:
            raise CommandError(str(refused)) from None
        report_run(self.stdout, self.style, run)
        prepare_pages(self.stdout, self.stderr)


def _declared(text: str) -> tuple[str, str]:
    code, _, predecessor = text.partition("=")
    new, old = normalize_swv_code(code), normalize_swv_code(predecessor) if predecessor else ""
    if new is None or old is None:
        raise CommandError(f"--nieuw-swv {text}: schrijf CODE=VOORGANGER, bijvoorbeeld PO2799=PO2708")
    return new, old


def prepare_pages(stdout, stderr) -> None:
    """The figures, regions and names every page needs, computed now instead of by the first visitors.

    The import itself has been committed by now: should this fail, the pages compute what they need
    themselves, so the command reports it and still succeeds (running the import again is not needed).
    """
    started = time.perf_counter()
    try:
        prepared = prepare_derived_data()
        if prepared:
            current_publication()  # the API's value rows, stored for the new version
            render_figure_parts()
    except Exception as exc:
        logger.exception("preparing the pages' data after an import failed")
        stderr.write(f"let op: gegevens voor de pagina's niet voorbereid ({exc}); de pagina's berekenen ze zelf")
        return
    if prepared:
        stdout.write(f"gegevens voor de pagina's voorbereid in {time.perf_counter() - started:.2f} s")


def render_figure_parts() -> None:
    """Render the parts of /landelijk/ made from the imported data alone, so they are in the shared cache
    under the new source-data version ({% cache %} in its template): when its whole-page copy is gone (any
    publish or upload retires those) it renders only the rest. An SWV page's parts are kept the same way by
    its first visitor after an import: rendering all of them here would add half a minute to every import."""
    factory = RequestFactory(HTTP_HOST=next((h for h in settings.ALLOWED_HOSTS if h[:1] not in ".*"), "localhost"))

    def get(view, path: str) -> None:
        request = factory.get(path)
        request.user = AnonymousUser()
        view(request)

    for sector in ("", "po", "vo"):
        get(landelijk_views.index, reverse("landelijk:index") + (f"?sector={sector}" if sector else ""))


def report_run(stdout, style, run):
    stdout.write(
        style.SUCCESS(
            f"{run.bron}: {run.bestandsnaam}: {run.rijen_geladen} van {run.rijen_gelezen} rijen geladen, "
            f"{run.wijzigingen} wijziging(en) ({run.get_status_display()}, {run.duur_seconden:.1f} s)"
        )
    )
    units = list(run.per_eenheid.items())
    for unit, counts in units[:SHOWN_UNITS]:
        stdout.write(
            f"  {unit}: {counts['toegevoegd']} toegevoegd, {counts['gewijzigd']} gewijzigd, "
            f"{counts['verwijderd']} verwijderd"
        )
    if len(units) > SHOWN_UNITS:
        stdout.write(f"  … en nog {len(units) - SHOWN_UNITS} eenheden (alle in het importoverzicht van het beheer)")
    for notice in run.meldingen:
        stdout.write(f"  let op: {notice}")
