"""Shared steps of the two regio-indeling importers: the version of the regeling, the checks of its codes and
its SWV's. An indeling is the legal base of every page, so a file that contradicts itself or names an SWV
nobody declared is refused before anything is stored, not half-applied."""

import datetime as dt
import re
from pathlib import Path

from django.utils.text import slugify

from swv.importing.base import Changes
from swv.importing.guards import declared_new_swvs
from swv.importing.problems import ProblemCollector, refusal
from swv.models import Indeling, Samenwerkingsverband
from swv.services.sync import sync_rows

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def indeling_for_file(path: Path) -> Indeling:
    """The regeling's version is the date it took effect, written in the file name."""
    match = _DATE.search(path.name)
    if not match:
        raise refusal(
            path.name,
            None,
            None,
            "zet de datum waarop de indeling geldt in de bestandsnaam, bijvoorbeeld swv_pc4_indeling_2015-04-23.csv",
        )
    valid_from = dt.date(*map(int, match.groups()))
    indeling, _ = Indeling.objects.get_or_create(
        geldig_vanaf=valid_from,
        defaults={"naam": "Regeling regio-indeling samenwerkingsverbanden passend onderwijs PO en VO"},
    )
    return indeling


def ensure_swvs(codes: set[str], *, valid_from: dt.date) -> tuple[dict[str, int], Changes]:
    """Create the SWV's an indeling names; an SWV counts from the first indeling that names it."""
    existing = {s.code: s for s in Samenwerkingsverband.objects.filter(code__in=codes)}
    desired = {}
    for code in codes:
        known = existing.get(code)
        start = min(filter(None, [known.geldig_vanaf if known else None, valid_from]))
        desired[code] = {"code": code, "sector": code[:2], "geldig_vanaf": start}
        if known is None:
            desired[code]["slug"] = slugify(code)  # as save() would: the slug follows the name, none yet
    changes = sync_rows(Samenwerkingsverband, existing=existing, desired=desired, delete_missing=False)
    return dict(Samenwerkingsverband.objects.filter(code__in=codes).values_list("code", "pk")), changes


def check_codes(rows, *, columns: dict[str, str], collector: ProblemCollector, run, skip=()) -> dict[str, str]:
    """`columns` maps a column to the sector its codes must have. A code the database does not know is
    refused unless declared new (with its predecessor) for this import; the very first indeling of a
    sector establishes its SWV's, and so does a fictional demo indeling. Returns the declared new codes
    -> predecessor codes."""
    known = dict(Samenwerkingsverband.objects.values_list("code", "sector"))
    sectors_known = set() if run is not None and run.fictief else set(known.values())
    declared = declared_new_swvs(run)
    reported = set()
    for row in rows:
        for column, sector in columns.items():
            code = row[column]
            if code is None or code in skip:
                continue
            if code[:2] != sector:
                collector.add(row.number, column, f"{code} is een code van {code[:2]}, deze kolom is voor {sector}")
            elif code not in known and sector in sectors_known and code not in declared and code not in reported:
                reported.add(code)
                collector.add(
                    row.number,
                    column,
                    f"onbekend samenwerkingsverband {code}: het staat niet in de geladen indeling. Is het een "
                    f"nieuw samenwerkingsverband, importeer dan met --nieuw-swv {code}=VOORGANGER",
                )
    for code, predecessor in declared.items():
        if predecessor and predecessor not in known:
            collector.add(None, None, f"de voorganger {predecessor} van het nieuwe {code} is onbekend")
    return declared


def link_predecessors(declared: dict[str, str]) -> None:
    """A declared new SWV points at the SWV it succeeds (shown on its page and in the API)."""
    for code, predecessor in declared.items():
        if predecessor:
            Samenwerkingsverband.objects.filter(code=code).update(
                voorganger=Samenwerkingsverband.objects.filter(code=predecessor).values("pk")[:1]
            )
