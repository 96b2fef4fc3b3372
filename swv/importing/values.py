"""Writes indicator values: the one table every figure on the site comes from.

The replace rule: a file changes only what it covers. `units` names the units (SWV's or gemeenten) a
file has rows for; only their values of these indicators and periods are replaced. Without `units`
(a national publication that covers every unit, or an import confirmed with the option to remove) the
whole period is replaced. Either way an import that would remove more than a small share of a period's
stored values is refused unless the beheerder confirmed it (swv.importing.guards).
"""

from collections import Counter
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from swv.importing.fields import SUPPRESSED, SUPPRESSED_BOUNDS, Range
from swv.importing.guards import refuse_large_removal
from swv.models import Gemeente, Indicator, Samenwerkingsverband, Waarde
from swv.services.sync import BATCH, Changes, batches, sync_rows

_QUANT = Decimal("0.0001")
NIET_GELEVERD = Waarde.Status.NIET_GELEVERD


def value_fields(value) -> dict:
    """The stored fields for a parsed cell: a number, a category, <5 (or a range from one) or nothing."""
    empty = {"getal": None, "tekst": "", "ondergrens": None, "bovengrens": None}
    if value is None:
        return {**empty, "status": Waarde.Status.NIET_GELEVERD}
    if value is SUPPRESSED or isinstance(value, Range):
        low, high = (value.low, value.high) if isinstance(value, Range) else SUPPRESSED_BOUNDS
        return {
            **empty,
            "status": Waarde.Status.ONDERDRUKT,
            "ondergrens": low.quantize(_QUANT),
            "bovengrens": high.quantize(_QUANT),
        }
    if isinstance(value, bool):
        return {**empty, "tekst": "ja" if value else "nee", "status": Waarde.Status.GELEVERD}
    if isinstance(value, str):
        return {**empty, "tekst": value, "status": Waarde.Status.GELEVERD}
    return {**empty, "getal": Decimal(value).quantize(_QUANT), "status": Waarde.Status.GELEVERD}


def percentage(part: int, whole: int | None) -> Decimal | None:
    return Decimal(part * 100) / Decimal(whole) if whole else None


def value_row(indicator: str, periode: str, peildatum, value, **unit) -> dict:
    """One value for replace_values, of the unit named in `unit` (swv_id= or gemeente_id=; none: national)."""
    return {"indicator": indicator, "periode": periode, "peildatum": peildatum, **unit, **value_fields(value)}


def _key(values: dict):
    return (values["indicator_id"], values["swv_id"], values["gemeente_id"], values["periode"])


def _unit_labels(keys) -> Callable[[tuple], str]:
    swv_ids = {k[1] for k in keys if k[1] is not None}
    gemeente_ids = {k[2] for k in keys if k[2] is not None}
    swvs = dict(Samenwerkingsverband.objects.filter(pk__in=swv_ids).values_list("pk", "code"))
    gemeenten = dict(Gemeente.objects.filter(pk__in=gemeente_ids).values_list("pk", "naam"))

    def label(key) -> str:
        if key[1] is not None:
            return swvs.get(key[1], str(key[1]))
        if key[2] is not None:
            return gemeenten.get(key[2], str(key[2]))
        return "landelijk"

    return label


def replace_values(
    *,
    indicator_codes: Iterable[str],
    periods: Iterable[str],
    desired: Iterable[dict],
    fictief: bool = False,
    run=None,
    units: dict[str, set[int]] | None = None,
    file: str = "",
) -> Changes:
    """Make the stored values of these indicators and periods (of `units`, e.g. {"swv_id": {3, 5}};
    all units when None) equal to `desired`.

    `desired` is consumed in batches of BATCH values, each compared with what is stored for its own
    keys and written, so a large file is never held whole. `periods` and `units` are read after the
    last batch, so a loader may fill them while it yields its values. Values the file lacks are found
    and removed at the end; a refusal then (too many removed) rolls the whole import back with the
    transaction every import runs in (swv.importing.run).

    A real import also drops the fictional demo values of its indicators, so real and invented
    figures never mix in one series.
    """
    indicators = dict(Indicator.objects.filter(code__in=list(indicator_codes)).values_list("code", "pk"))
    scope = Waarde.objects.filter(indicator_id__in=indicators.values())
    changes = Changes()
    fictief = fictief or bool(run and run.fictief)
    if not fictief:
        deleted, _ = scope.filter(fictief=True).delete()
        changes.deleted += deleted
    own = scope.filter(fictief=fictief).order_by()
    stamp = {"import_run_id": run.pk if run else None}
    seen: set[tuple] = set()
    for batch in batches(desired):
        wanted = {}
        for item in batch:
            values: dict[str, Any] = {"swv_id": None, "gemeente_id": None, "fictief": fictief}
            values.update((k, v) for k, v in item.items() if k != "indicator")
            values["indicator_id"] = indicators[item["indicator"]]
            wanted[_key(values)] = values
        seen.update(wanted)
        existing = _stored(own, wanted.keys())
        changes.add(
            sync_rows(
                Waarde,
                existing=existing,
                desired=wanted,
                delete_missing=False,
                stamp=stamp,
                unit_of=_unit_labels(wanted.keys()),
            )
        )
    in_periods = own.filter(periode__in=set(periods) | {key[3] for key in seen})
    covered = in_periods
    for field, ids in (units or {}).items():
        covered = covered.filter(**{f"{field}__in": ids})
    fields = ("pk", "indicator_id", "swv_id", "gemeente_id", "periode", "status")
    stale = [(row[0], row[1:5], row[5]) for row in covered.values_list(*fields).iterator() if row[1:5] not in seen]
    if not fictief:  # demo values are regenerated at will
        _refuse_large_removal(in_periods, stale, file=file, run=run)
    label = _unit_labels([key for _pk, key, _status in stale])
    removed = Changes()
    for _pk, key, _status in stale:
        removed.count(label(key), 2)
    pks = [pk for pk, _key, _status in stale]
    for start in range(0, len(pks), BATCH):
        Waarde.objects.filter(pk__in=pks[start : start + BATCH]).delete()
    removed.deleted = len(pks)
    changes.add(removed)
    return changes


def _stored(own, keys) -> dict:
    """The stored values of these keys (indicator, swv, gemeente, periode), by key.

    Filtered on indicator and period (an index) and on the units of whichever kind the keys have: a
    value belongs to an SWV, a gemeente or the country, never two. No `IS NULL` alternatives, which
    lead PostgreSQL to scan every value of the indicators once per batch.
    """
    keys = set(keys)
    query = own.filter(indicator_id__in={k[0] for k in keys}, periode__in={k[3] for k in keys})
    swv_ids, gemeente_ids = {k[1] for k in keys} - {None}, {k[2] for k in keys} - {None}
    if swv_ids:
        query = query.filter(swv_id__in=swv_ids) if not gemeente_ids else query
    elif gemeente_ids:
        query = query.filter(gemeente_id__in=gemeente_ids)
    else:
        query = query.filter(swv_id=None, gemeente_id=None)
    return {key: obj for obj in query if (key := _key(obj.__dict__)) in keys}


def _refuse_large_removal(in_periods, stale: list, *, file: str, run) -> None:
    """Values that would go because the file lacks their rows, per period. An explicit empty cell is
    the beheerder's own word ('niet aangeleverd') and does not count; a missing row may be a cut-off."""
    removed = Counter(key[3] for _pk, key, status in stale if status != NIET_GELEVERD)
    if not removed:
        return
    stored = Counter(in_periods.exclude(status=NIET_GELEVERD).values_list("periode", flat=True))
    for periode, count in sorted(removed.items()):
        refuse_large_removal(
            file=file, removed=count, stored=stored[periode], what=f"waarden van periode {periode}", run=run
        )
