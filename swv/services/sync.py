"""Make a table equal to what a file says, touching only rows that differ (so a re-import changes nothing),
and count what changed."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models

BATCH = 2000


def batches(items: Iterable, size: int | None = None) -> Iterator[list]:
    """`items` in lists of `size` (BATCH by default; itertools.batched from Python 3.12)."""
    iterator, size = iter(items), size or BATCH
    while batch := list(itertools.islice(iterator, size)):
        yield batch


class ValueTooLong(ValueError):
    """A value longer than its column holds: PostgreSQL would refuse it, or cut it off without a word
    where Django casts it (bulk_update), and every later import would then see a change."""

    def __init__(self, field: models.Field, value: str):
        self.field, self.value = field, value
        super().__init__(f"{value[:80]!r} is te lang voor {field.verbose_name} (ten hoogste {field.max_length} tekens)")


def _text_limits(model: type[models.Model]) -> list[tuple[str, int, models.Field]]:
    return [
        (f.attname, f.max_length, f)
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField) and f.max_length
    ]


@dataclass
class Changes:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    rows_loaded: int = 0
    notices: list[str] = field(default_factory=list)
    # Unit (SWV code, gemeente name, 'landelijk') -> [added, changed, removed]: the run's summary.
    per_unit: dict[str, list[int]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.deleted

    def add(self, other: Changes) -> None:
        self.created += other.created
        self.updated += other.updated
        self.deleted += other.deleted
        for unit, counts in other.per_unit.items():
            mine = self.per_unit.setdefault(unit, [0, 0, 0])
            for i, n in enumerate(counts):
                mine[i] += n

    def count(self, unit: str | tuple[str, ...], kind: int) -> None:
        """kind: 0 added, 1 changed, 2 removed; a row may belong to several units (a PC4 to two SWV's)."""
        for label in (unit,) if isinstance(unit, str) else unit:
            self.per_unit.setdefault(label, [0, 0, 0])[kind] += 1


def sync_rows(
    model: type[models.Model],
    *,
    existing: Mapping[Any, models.Model],
    desired: Mapping[Any, dict],
    delete_missing: bool = True,
    stamp: dict | None = None,
    unit_of: Callable[[Any], str | tuple[str, ...]] | None = None,
) -> Changes:
    """`existing` and `desired` are keyed alike; desired values use attribute names (e.g. `swv_id`).

    `stamp` (e.g. the import run) is written only on rows that are created or changed, so an
    unchanged row keeps pointing at the import that last changed it. With `unit_of` (key -> unit
    label) the changes are also counted per unit, for the run's summary.
    """
    stamp = stamp or {}
    changes = Changes()
    limits = _text_limits(model)
    to_create: list[dict] = []
    to_update: list[models.Model] = []
    fields: set[str] = set()
    for key, values in desired.items():
        for name, limit, field_ in limits:
            value = values.get(name)
            if isinstance(value, str) and len(value) > limit:
                raise ValueTooLong(field_, value)
        obj = existing.get(key)
        if obj is None:
            to_create.append({**values, **stamp})
            if unit_of:
                changes.count(unit_of(key), 0)
            continue
        differing = [name for name, value in values.items() if getattr(obj, name) != value]
        if differing:
            if unit_of:
                changes.count(unit_of(key), 1)
            for name in differing:
                setattr(obj, name, values[name])
            for name, value in stamp.items():
                setattr(obj, name, value)
            fields.update(differing, stamp)
            to_update.append(obj)
    _insert(model, to_create)
    _update(model, to_update, sorted(fields))
    stale_keys = [key for key in existing if key not in desired] if delete_missing else []
    stale = [existing[key].pk for key in stale_keys]
    if unit_of:
        for key in stale_keys:
            changes.count(unit_of(key), 2)
    for start in range(0, len(stale), BATCH):
        model._default_manager.filter(pk__in=stale[start : start + BATCH]).delete()
    changes.created, changes.updated, changes.deleted = len(to_create), len(to_update), len(stale)
    return changes


def _update(model, objects: list, fields: list[str]) -> None:
    """Rows that end up with the same values share one UPDATE ... WHERE pk IN (...).

    Relinking thousands of schools to some 150 SWV's is then 150 short statements instead of
    bulk_update's CASE expression over every row, which PostgreSQL evaluates slowly.
    """
    if not objects:
        return
    groups: dict[tuple, list] = {}
    for obj in objects:
        groups.setdefault(tuple(getattr(obj, f) for f in fields), []).append(obj.pk)
    if len(groups) * 4 > len(objects):
        model.objects.bulk_update(objects, fields, batch_size=BATCH)
        return
    for values, pks in groups.items():
        for start in range(0, len(pks), BATCH):
            model.objects.filter(pk__in=pks[start : start + BATCH]).update(**dict(zip(fields, values, strict=True)))


def _insert(model, rows: list[dict]) -> None:
    """PostgreSQL's COPY for large loads: building thousands of model instances and INSERT statements
    costs more than reading the file; small or other-database loads go through bulk_create."""
    if not rows:
        return
    if connection.vendor != "postgresql" or len(rows) < 200:
        model.objects.bulk_create([model(**row) for row in rows], batch_size=BATCH)
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    defaults = {f.attname: f.get_default() for f in fields}
    # psycopg adapts str, int, Decimal, date, bool and None itself; only JSON needs Django's preparation.
    prepare = [f.get_db_prep_save if f.get_internal_type() == "JSONField" else None for f in fields]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(
            f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
        ) as copy:
            columns_in_order = [(f.attname, defaults[f.attname]) for f in fields]
            json_columns = [(i, p) for i, p in enumerate(prepare) if p is not None]
            for row in rows:
                values = [row.get(name, default) for name, default in columns_in_order]
                for i, prepared in json_columns:
                    values[i] = prepared(values[i], connection)
                copy.write_row(values)


def insert_rows(model, rows: list[dict]) -> None:
    """Insert rows (dicts of attnames) as fast as the database allows: COPY on PostgreSQL."""
    _insert(model, rows)
