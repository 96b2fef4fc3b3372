"""Sources that deliver indicator values: one row per SWV, gemeente or the country, per period.

Which column feeds which indicator is declared on the Column (`indicator=`); derived indicators (a
percentage, a difference) are declared as Derived. A cell left empty is stored as 'niet aangeleverd';
'<5' stays suppressed, also in anything derived from it.
"""

from dataclasses import dataclass
from typing import ClassVar

from swv.figures import period_of
from swv.importing.base import REGION_SOURCES, Changes, Source
from swv.importing.common import GEMEENTE_COLUMN, SWV_COLUMN
from swv.importing.fields import SUPPRESSED, Range, bounds
from swv.importing.guards import removal_allowed
from swv.importing.problems import ProblemCollector, unknown_swv
from swv.importing.values import replace_values, value_row
from swv.models import Gemeente, Indicator, Samenwerkingsverband, Waarde
from swv.selectors.gemeenten import GemeenteResolver


@dataclass(frozen=True)
class Derived:
    indicator: str
    kind: str  # "ratio" (a / b * 100) or "difference" (a - b)
    a: str
    b: str

    def compute(self, values: dict):
        """A number, or a Range when an input is '<5' (interval arithmetic: the result holds for every
        value the suppressed input can have); None when an input is missing."""
        a, b = bounds(values.get(self.a)), bounds(values.get(self.b))
        if a is None or b is None:
            return None
        if self.kind == "difference":
            low, high = a[0] - b[1], a[1] - b[0]
        else:
            if b[0] <= 0:
                return None
            low, high = a[0] * 100 / b[1], a[1] * 100 / b[0]
        return low if low == high else Range(low, high)


class FigureSource(Source):
    subject: ClassVar[str]  # "swv", "gemeente" or "land"
    period_column: ClassVar[str]
    period_kind: ClassVar[str]  # "teldatum", "schooljaar", "jaar" or "datum"
    derived: ClassVar[tuple[Derived, ...]] = ()
    template = True
    after: ClassVar[tuple[str, ...]] = ("cbs_gemeentegrenzen", *REGION_SOURCES)  # gemeenten and SWV's exist

    @property
    def subject_column(self) -> str | None:
        return {"swv": SWV_COLUMN.name, "gemeente": GEMEENTE_COLUMN.name}.get(self.subject)

    @property
    def indicator_codes(self) -> list[str]:
        return [c.indicator for c in self.columns if c.indicator] + [d.indicator for d in self.derived]

    def covered_indicators(self, columns: set[str] | None) -> list[str]:
        """The indicators a file speaks about: its value columns, and what is derived from them."""
        present = [c for c in self.columns if c.indicator and (columns is None or c.name in columns)]
        codes = {c.indicator for c in present}
        derived = [d.indicator for d in self.derived if {d.a, d.b} & codes]
        return [c.indicator for c in present] + derived

    def load(self, rows, *, path, run, progress) -> Changes:
        collector = ProblemCollector(path.name)
        subjects = self._subjects(rows, collector)
        covered = self.covered_indicators(getattr(rows, "columns", None))
        # A file changes only the units it has rows for, unless the beheerder confirmed that it
        # replaces the whole period (then units it lacks lose their values).
        units = None
        if self.subject != "land" and not removal_allowed(run):
            units = {f"{self.subject}_id": {s.pk for s in subjects.values()}}
        periods: set[str] = set()  # filled while the values are written, read by replace_values after
        changes = replace_values(
            indicator_codes=covered,
            periods=periods,
            desired=self._values(progress(rows, desc=self.key), subjects, covered, periods, collector),
            run=run,
            units=units,
            file=path.name,
        )
        changes.rows_loaded = len(rows)
        return changes

    def _values(self, rows, subjects, covered, periods, collector):
        """The values of the rows, one dict per value, while the rows are read; problems are raised
        after the last row, before anything is removed (the import's transaction undoes what was written)."""
        own_columns = {c.indicator for c in self.columns if c.indicator and c.indicator in covered}
        sectors = dict(Indicator.objects.filter(code__in=self.indicator_codes).values_list("code", "sector"))
        stored_inputs = self._stored_inputs(subjects, own_columns)
        seen = {}
        for row in rows:
            subject = subjects.get(self._subject_key(row))
            if subject is None and self.subject != "land":
                continue
            periode, peildatum = period_of(row[self.period_column], self.period_kind)
            key = (subject.pk if subject else None, periode)
            if key in seen:
                collector.add(
                    row.number, self.period_column, f"dubbele rij: dezelfde periode staat al op rij {seen[key]}"
                )
                continue
            seen[key] = row.number
            periods.add(periode)
            values = {c.indicator: row[c.name] for c in self.columns if c.indicator in own_columns}
            for derived in self.derived:
                if derived.indicator in covered:
                    # An input the file lacks is taken as stored, so a correction of the total alone
                    # also corrects the percentages derived from it.
                    inputs = {**stored_inputs.get(key, {}), **values}
                    values[derived.indicator] = derived.compute(inputs)
            for code, value in values.items():
                sector = sectors.get(code, "")
                if sector and subject is not None and getattr(subject, "sector", sector) != sector:
                    if value is not None:
                        column = next((c.name for c in self.columns if c.indicator == code), code)
                        collector.add(row.number, column, f"dit cijfer geldt alleen voor {sector}")
                    continue
                unit = {f"{self.subject}_id": subject.pk} if subject is not None else {}
                yield value_row(code, periode, peildatum, value, **unit)
        collector.raise_if_any()

    def _stored_inputs(self, subjects, own_columns) -> dict:
        """(unit id, periode) -> {indicator: stored value} for derived inputs the file does not have."""
        missing = {x for d in self.derived for x in (d.a, d.b)} - own_columns
        if not missing or self.subject == "land":
            return {}
        unit_ids = {s.pk for s in subjects.values()}
        stored = Waarde.objects.filter(
            indicator__code__in=missing, fictief=False, **{f"{self.subject}_id__in": unit_ids}
        ).values_list(f"{self.subject}_id", "periode", "indicator__code", "getal", "status", "ondergrens", "bovengrens")
        result: dict = {}
        for unit, periode, code, getal, status, low, high in stored:
            value = getal
            if status == Waarde.Status.ONDERDRUKT:
                value = Range(low, high) if low is not None else SUPPRESSED
            result.setdefault((unit, periode), {})[code] = value
        return result

    def _subject_key(self, row):
        """What a row's unit is found by: an SWV by its code; a gemeente by its name or code as of the
        row's period (names are resolved as of the figure's period)."""
        if self.subject == "swv":
            return row[self.subject_column]
        if self.subject == "gemeente":
            return row[self.subject_column], row[self.period_column]
        return None

    def _subjects(self, rows, collector) -> dict:
        """Per subject key (see _subject_key) the unit, for every key that resolves; the rest reported."""
        found: dict[str, Samenwerkingsverband | Gemeente] = {}
        if self.subject == "swv":
            known = {s.code: s for s in Samenwerkingsverband.objects.all()}
            for row in rows:
                code = row[self.subject_column]
                if code in known:
                    found[code] = known[code]
                else:
                    collector.add(row.number, self.subject_column, unknown_swv(code))
            return found
        if self.subject == "gemeente":
            resolver = GemeenteResolver(use_school_clues=False)
            for row in rows:
                raw = row[self.subject_column]
                # A name resolves as of the figure's period: a gemeente that still existed then keeps
                # its own value for its own years (Bussum 2014-2015), a later use means its successor.
                named = resolver.find(raw)
                _periode, peildatum = period_of(row[self.period_column], self.period_kind)
                if named is not None and named.geldig_tot is not None and named.geldig_tot >= peildatum:
                    found[self._subject_key(row)] = named
                    continue
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
                    found[self._subject_key(row)] = resolution.gemeente
        return found
