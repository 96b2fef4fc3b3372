"""Writes indicator values: the one table every figure on the site comes from."""

from collections.abc import Iterable
from decimal import Decimal

from swv.importers.base import Changes
from swv.importers.fields import SUPPRESSED
from swv.importers.sync import sync_rows
from swv.models import Indicator, Waarde

_QUANT = Decimal("0.0001")


def value_fields(value) -> dict:
    """The getal/tekst/status triple for a parsed cell: a number, a category, <5 or nothing."""
    if value is None:
        return {"getal": None, "tekst": "", "status": Waarde.Status.NIET_GELEVERD}
    if value is SUPPRESSED:
        return {"getal": None, "tekst": "", "status": Waarde.Status.ONDERDRUKT}
    if isinstance(value, bool):
        return {"getal": None, "tekst": "ja" if value else "nee", "status": Waarde.Status.GELEVERD}
    if isinstance(value, str):
        return {"getal": None, "tekst": value, "status": Waarde.Status.GELEVERD}
    return {"getal": Decimal(value).quantize(_QUANT), "tekst": "", "status": Waarde.Status.GELEVERD}


def _key(values: dict):
    return (values["indicator_id"], values["swv_id"], values["gemeente_id"], values["periode"])


def replace_values(
    *,
    indicator_codes: Iterable[str],
    periods: Iterable[str],
    desired: list[dict],
    fictief: bool = False,
    run=None,
) -> Changes:
    """Make the stored values of these indicators and periods equal to `desired`.

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
    existing = {_key(obj.__dict__): obj for obj in scope.filter(periode__in=periods, fictief=fictief).order_by()}
    wanted = {}
    for item in desired:
        values = {"swv_id": None, "gemeente_id": None, "fictief": fictief}
        values.update((k, v) for k, v in item.items() if k != "indicator")
        values["indicator_id"] = indicators[item["indicator"]]
        wanted[_key(values)] = values
    changes.add(sync_rows(Waarde, existing=existing, desired=wanted, stamp={"import_run_id": run.pk if run else None}))
    return changes
