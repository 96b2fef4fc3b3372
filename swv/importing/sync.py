"""Make a table equal to what a file says, touching only rows that differ (so a re-import changes nothing)."""

from collections.abc import Callable, Hashable

from django.db import connection, models

from swv.importing.base import Changes

BATCH = 2000


def sync_rows(
    model: type[models.Model],
    *,
    existing: dict[Hashable, models.Model],
    desired: dict[Hashable, dict],
    delete_missing: bool = True,
    stamp: dict | None = None,
    unit_of: Callable[[Hashable], str] | None = None,
) -> Changes:
    """`existing` and `desired` are keyed alike; desired values use attribute names (e.g. `swv_id`).

    `stamp` (e.g. the import run) is written only on rows that are created or changed, so an
    unchanged row keeps pointing at the import that last changed it. With `unit_of` (key -> unit
    label) the changes are also counted per unit, for the run's summary.
    """
    stamp = stamp or {}
    changes = Changes()
    to_create, to_update, fields = [], [], set()
    for key, values in desired.items():
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
        model.objects.filter(pk__in=stale[start : start + BATCH]).delete()
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
            json_columns = [i for i, p in enumerate(prepare) if p]
            for row in rows:
                values = [row.get(name, default) for name, default in columns_in_order]
                for i in json_columns:
                    values[i] = prepare[i](values[i], connection)
                copy.write_row(values)
