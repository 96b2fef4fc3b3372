"""What an importer says when a file cannot be loaded: file, row, column and what was expected."""

from dataclasses import dataclass

MAX_REPORTED = 25


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

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(str(self))

    def __str__(self) -> str:
        shown = [str(p) for p in self.problems[:MAX_REPORTED]]
        more = len(self.problems) - len(shown)
        if more > 0:
            shown.append(f"… en nog {more} fout(en)")
        return "Import geweigerd, er is niets opgeslagen.\n" + "\n".join(shown)


class ProblemCollector:
    """Gathers row problems so a beheerder sees all of them at once, not one per attempt."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, row: int | None, column: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, row, column, message))

    def raise_if_any(self) -> None:
        if self.problems:
            raise ImportRefused(self.problems)
