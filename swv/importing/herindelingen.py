"""Stores the herindelingen kept in swv/data/herindelingen.csv, once the boundaries say which gemeenten exist."""

import datetime as dt

from swv.models import Gemeente, Herindeling
from swv.selectors.gemeenten import read_herindelingen
from swv.services.sync import Changes, sync_rows


def sync_herindelingen() -> Changes:
    """Store dissolved gemeenten and their successors, for every successor that is loaded."""
    rows = [r for r in read_herindelingen() if r["oude_code"] != r["nieuwe_code"]]
    current = {g.code: g for g in Gemeente.objects.filter(geldig_tot__isnull=True, grenzen__isnull=False).distinct()}
    rows = [r for r in rows if r["nieuwe_code"] in current]
    clash = sorted({r["oude_code"] for r in rows} & set(current))
    if clash:
        raise ValueError(f"herindelingen.csv noemt bestaande gemeenten als opgeheven: {', '.join(clash)}")
    ended = {}
    for row in rows:
        ended[row["oude_code"]] = {
            "code": row["oude_code"],
            "naam": row["oude_naam"],
            "geldig_tot": row["datum"] - dt.timedelta(days=1),
        }
    old_existing = {g.code: g for g in Gemeente.objects.filter(code__in=ended)}
    changes = sync_rows(Gemeente, existing=old_existing, desired=ended, delete_missing=False)
    by_code = {g.code: g.pk for g in Gemeente.objects.filter(code__in=set(ended) | set(current))}
    desired = {
        (by_code[r["oude_code"]], by_code[r["nieuwe_code"]], r["datum"]): {
            "oud_id": by_code[r["oude_code"]],
            "nieuw_id": by_code[r["nieuwe_code"]],
            "datum": r["datum"],
            "deels": r["deels"],
        }
        for r in rows
    }
    existing = {(h.oud_id, h.nieuw_id, h.datum): h for h in Herindeling.objects.all()}
    changes.add(sync_rows(Herindeling, existing=existing, desired=desired))
    return changes
