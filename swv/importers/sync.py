"""Make a table equal to what a file says, touching only rows that differ (so a re-import changes nothing)."""

from collections.abc import Hashable

from django.db import models

from swv.importers.base import Changes

BATCH = 2000


def sync_rows(
    model: type[models.Model],
    *,
    existing: dict[Hashable, models.Model],
    desired: dict[Hashable, dict],
    delete_missing: bool = True,
    stamp: dict | None = None,
) -> Changes:
    """`existing` and `desired` are keyed alike; desired values use attribute names (e.g. `swv_id`).

    `stamp` (e.g. the import run) is written only on rows that are created or changed, so an
    unchanged row keeps pointing at the import that last changed it.
    """
    stamp = stamp or {}
    changes = Changes()
    to_create, to_update, fields = [], [], set()
    for key, values in desired.items():
        obj = existing.get(key)
        if obj is None:
            to_create.append(model(**values, **stamp))
            continue
        differing = [name for name, value in values.items() if getattr(obj, name) != value]
        if differing:
            for name in differing:
                setattr(obj, name, values[name])
            for name, value in stamp.items():
                setattr(obj, name, value)
            fields.update(differing, stamp)
            to_update.append(obj)
    model.objects.bulk_create(to_create, batch_size=BATCH)
    if to_update:
        model.objects.bulk_update(to_update, sorted(fields), batch_size=BATCH)
    stale = [obj.pk for key, obj in existing.items() if key not in desired] if delete_missing else []
    for start in range(0, len(stale), BATCH):
        model.objects.filter(pk__in=stale[start : start + BATCH]).delete()
    changes.created, changes.updated, changes.deleted = len(to_create), len(to_update), len(stale)
    return changes
