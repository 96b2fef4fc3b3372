"""What an importer says when a file cannot be loaded: file, row, column and what was expected."""

from dataclasses import dataclass

MAX_REPORTED = 25
# A collector keeps this many problems and counts the rest: a million bad rows tell nothing more than
# the first thousand, and holding them all would take more memory than the file.
MAX_KEPT = 1000
# What an import run stores of its notices: so many, each at most so long, then a count of the rest.
MAX_NOTICES = 50
MAX_NOTICE_CHARS = 2000
MAX_LISTED = 25  # items a notice names before "… en N meer"


def dutch_count(number: int) -> str:
    """1234567 -> '1.234.567' (the sector's notation; import messages are read by beheerders)."""
    return f"{number:,}".replace(",", ".")


def listing(items, *, limit: int = MAX_LISTED) -> str:
    """'a, b, c' for a few items, 'a, b, … en 1.234 meer' for many: a notice names examples, not all."""
    items = list(items)
    shown = ", ".join(items[:limit])
    return shown + (f" … en {dutch_count(len(items) - limit)} meer" if len(items) > limit else "")


def capped_notices(notices: list[str]) -> list[str]:
    """At most MAX_NOTICES notices of at most MAX_NOTICE_CHARS each, and a count of what was left out,
    so what an import run stores stays small whatever the file."""
    kept = []
    for notice in notices[:MAX_NOTICES]:
        if len(notice) > MAX_NOTICE_CHARS:
            left = len(notice) - MAX_NOTICE_CHARS
            notice = f"{notice[:MAX_NOTICE_CHARS].rstrip()} … ({dutch_count(left)} tekens weggelaten)"
        kept.append(notice)
    if len(notices) > MAX_NOTICES:
        more = len(notices) - MAX_NOTICES
        kept.append(f"… en {dutch_count(more)} {'melding' if more == 1 else 'meldingen'} meer")
    return kept


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"rij {self.row}")
        if self.column:
            where.append(f"kolom '{self.column}'")
        return f"{', '.join(where)}: {self.message}"

    def as_dict(self) -> dict:
        return {"bestand": self.file, "rij": self.row, "kolom": self.column, "melding": self.message}


class ImportRefused(Exception):
    """The file was refused; nothing of it was stored."""

    def __init__(self, problems: list[Problem], *, omitted: int = 0):
        self.problems = problems
        self.omitted = omitted  # problems found but not kept (see ProblemCollector)
        super().__init__(str(self))

    def __str__(self) -> str:
        shown = [str(p) for p in self.problems[:MAX_REPORTED]]
        more = len(self.problems) + self.omitted - len(shown)
        if more > 0:
            shown.append(f"… en nog {dutch_count(more)} fout(en)")
        return "Import geweigerd, er is niets opgeslagen.\n" + "\n".join(shown)


def unknown_swv(code: str, indeling: str = "regio-indeling") -> str:
    return f"onbekend samenwerkingsverband {code} (niet in de geladen {indeling})"


def refusal(file: str, row: int | None, column: str | None, message: str) -> ImportRefused:
    """The refusal of a file for one problem (raise it)."""
    return ImportRefused([Problem(file, row, column, message)])


class ProblemCollector:
    """Gathers row problems so a beheerder sees all of them at once, not one per attempt."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.omitted = 0

    def add(self, row: int | None, column: str | None, message: str) -> None:
        if len(self.problems) < MAX_KEPT:
            self.problems.append(Problem(self.file, row, column, message))
        else:
            self.omitted += 1

    def raise_if_any(self) -> None:
        if self.problems:
            raise ImportRefused(self.problems, omitted=self.omitted)
