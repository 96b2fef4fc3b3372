"""Writes indicator values: the one table every figure on the site comes from.

The replace rule: a file changes only what it covers. `units` names the units (SWV's or gemeenten) a
file has rows for; only their values of these indicators and periods are replaced. Without `units`
(a national publication that covers every unit, or an import confirmed with the option to remove) the
whole period is replaced. Either way an import that would remove more than a small share of a period's
stored values is refused unless the beheerder confirmed it (swv.importing.guards).
"""

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from swv.importing.fields import SUPPRESSED, Range, bounds
from swv.importing.guards import refuse_large_removal
from swv.models import Gemeente, Indicator, Samenwerkingsverband, Waarde
from swv.services.sync import Changes, sync_rows

_QUANT = Decimal("0.0001")
NIET_GELEVERD = Waarde.Status.NIET_GELEVERD


def value_fields(value) -> dict:
    """The stored fields for a parsed cell: a number, a category, <5 (or a range from one) or nothing."""
    empty = {"getal": None, "tekst": "", "ondergrens": None, "bovengrens": None}
    if value is None:
        return {**empty, "status": Waarde.Status.NIET_GELEVERD}
    if value is SUPPRESSED or isinstance(value, Range):
        low, high = bounds(value)
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


def _key(values: dict):
    return (values["indicator_id"], values["swv_id"], values["gemeente_id"], values["periode"])


def _unit_labels(keys) -> callable:
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
    desired: list[dict],
    fictief: bool = False,
    run=None,
    units: dict[str, set[int]] | None = None,
    file: str = "",
) -> Changes:
    """Make the stored values of these indicators and periods (of `units`, e.g. {"swv_id": {3, 5}};
    all units when None) equal to `desired`.

    A real import also drops the fictional demo values of its indicators, so real and invented
    figures never mix in one series.
    """
    indicators = dict(Indicator.objects.filter(code__in=list(indicator_codes)).values_list("code", "pk"))
    periods = set(periods)
    scope = Waarde.objects.filter(indicator_id__in=indicators.values())
    changes = Changes()
    fictief = fictief or bool(run and run.fictief)
    if not fictief:
        deleted, _ = scope.filter(fictief=True).delete()
        changes.deleted += deleted
    in_periods = scope.filter(periode__in=periods, fictief=fictief).order_by()
    covered = in_periods
    for field, ids in (units or {}).items():
        covered = covered.filter(**{f"{field}__in": ids})
    existing = {_key(obj.__dict__): obj for obj in covered}
    wanted = {}
    for item in desired:
        values = {"swv_id": None, "gemeente_id": None, "fictief": fictief}
        values.update((k, v) for k, v in item.items() if k != "indicator")
        values["indicator_id"] = indicators[item["indicator"]]
        wanted[_key(values)] = values
    if not fictief:  # demo values are regenerated at will
        _refuse_large_removal(in_periods, existing, wanted, file=file, run=run)
    changes.add(
        sync_rows(
            Waarde,
            existing=existing,
            desired=wanted,
            stamp={"import_run_id": run.pk if run else None},
            unit_of=_unit_labels(set(existing) | set(wanted)),
        )
    )
    return changes


def _refuse_large_removal(in_periods, existing: dict, wanted: dict, *, file: str, run) -> None:
    """Values that would go because the file lacks their rows, per period. An explicit empty cell is
    the beheerder's own word ('niet aangeleverd') and does not count; a missing row may be a cut-off."""
    stored = Counter(in_periods.exclude(status=NIET_GELEVERD).values_list("periode", flat=True))
    removed = Counter(key[3] for key, obj in existing.items() if key not in wanted and obj.status != NIET_GELEVERD)
    for periode, count in sorted(removed.items()):
        refuse_large_removal(
            file=file,
            removed=count,
            stored=stored[periode],
            what=f"waarden van periode {periode}",
            run=run,
        )
