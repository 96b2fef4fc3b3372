"""Checks both indeling importers make before anything is stored: an indeling is the legal base of every
page, so a file that contradicts itself or names an SWV nobody declared is refused, not half-applied."""

from swv.importing.guards import declared_new_swvs
from swv.importing.problems import ProblemCollector
from swv.models import Samenwerkingsverband


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
