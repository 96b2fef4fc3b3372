"""Sources that deliver indicator values: one row per SWV, gemeente or the country, per period.

Which column feeds which indicator is declared on the Column (`indicator=`); derived indicators (a
percentage, a difference) are declared as Derived. A cell left empty is stored as 'niet aangeleverd';
'<5' stays suppressed, also in anything derived from it.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from swv.importers.base import Changes, Source
from swv.importers.fields import SUPPRESSED
from swv.importers.problems import ProblemCollector
from swv.models import Indicator, Samenwerkingsverband
from swv.services.gemeenten import GemeenteResolver
from swv.services.periods import period_of
from swv.services.values import replace_values, value_fields


@dataclass(frozen=True)
class Derived:
    indicator: str
    kind: str  # "ratio" (a / b * 100) or "difference" (a - b)
    a: str
    b: str

    def compute(self, values: dict):
        a, b = values.get(self.a), values.get(self.b)
        if a is SUPPRESSED or b is SUPPRESSED:
            return SUPPRESSED if self.kind == "ratio" and a is SUPPRESSED else None
        if a is None or b is None:
            return None
        if self.kind == "difference":
            return Decimal(a) - Decimal(b)
        return (Decimal(a) * 100 / Decimal(b)) if b else None


class FigureSource(Source):
    subject: ClassVar[str]  # "swv", "gemeente" or "land"
    subject_column: ClassVar[str | None] = None
    period_column: ClassVar[str]
    period_kind: ClassVar[str]  # "teldatum", "schooljaar", "jaar" or "datum"
    derived: ClassVar[tuple[Derived, ...]] = ()
    template = True
    order = 60

    @property
    def indicator_codes(self) -> list[str]:
        return [c.indicator for c in self.columns if c.indicator] + [d.indicator for d in self.derived]

    def load(self, rows, *, path, run, progress) -> Changes:
        collector = ProblemCollector(path.name)
        subjects = self._subjects(rows, collector)
        sectors = dict(Indicator.objects.filter(code__in=self.indicator_codes).values_list("code", "sector"))
        desired, periods, seen = [], set(), {}
        for row in progress(rows, desc=self.key):
            subject = subjects.get(row.number)
            if subject is None and self.subject != "land":
                continue
            periode, peildatum = period_of(row[self.period_column], self.period_kind)
            key = (subject.pk if subject else None, periode)
            if key in seen:
                collector.add(
                    row.number,
                    self.period_column,
                    f"dubbele rij: dezelfde periode staat al op rij {seen[key]}",
                )
                continue
            seen[key] = row.number
            periods.add(periode)
            values = {c.indicator: row[c.name] for c in self.columns if c.indicator}
            for derived in self.derived:
                values[derived.indicator] = derived.compute(values)
            for code, value in values.items():
                sector = sectors.get(code, "")
                if sector and subject is not None and getattr(subject, "sector", sector) != sector:
                    if value is not None:
                        column = next((c.name for c in self.columns if c.indicator == code), code)
                        collector.add(row.number, column, f"dit cijfer geldt alleen voor {sector}")
                    continue
                item = {"indicator": code, "periode": periode, "peildatum": peildatum, **value_fields(value)}
                if subject is not None:
                    item[f"{self.subject}_id"] = subject.pk
                desired.append(item)
        collector.raise_if_any()
        changes = replace_values(indicator_codes=self.indicator_codes, periods=periods, desired=desired, run=run)
        changes.rows_loaded = len(rows)
        return changes

    def _subjects(self, rows, collector) -> dict:
        if self.subject == "swv":
            known = {s.code: s for s in Samenwerkingsverband.objects.all()}
            found = {}
            for row in rows:
                code = row[self.subject_column]
                if code in known:
                    found[row.number] = known[code]
                else:
                    collector.add(
                        row.number,
                        self.subject_column,
                        f"onbekend samenwerkingsverband {code} (niet in de geladen regio-indeling)",
                    )
            return found
        if self.subject == "gemeente":
            resolver = GemeenteResolver(use_school_clues=False)
            found = {}
            for row in rows:
                raw = row[self.subject_column]
                resolution = resolver.resolve(raw)
                if resolution.gemeente is None:
                    collector.add(row.number, self.subject_column, f"onbekende gemeente {raw!r}")
                elif resolution.deels:
                    collector.add(
                        row.number,
                        self.subject_column,
                        f"gemeente {raw!r} is opgesplitst; lever de cijfers per huidige gemeente",
                    )
                else:
                    found[row.number] = resolution.gemeente
            return found
        return {}
