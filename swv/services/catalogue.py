"""Keeps the Indicator table equal to the catalogue declared in swv/data/indicatoren.csv."""

import csv
from pathlib import Path

from django.db import transaction

from swv.models import Indicator

CATALOGUE_FILE = Path(__file__).resolve().parent.parent / "data" / "indicatoren.csv"
_BOOL_FIELDS = {"zelf_gerapporteerd"}


def read_catalogue() -> list[dict]:
    with CATALOGUE_FILE.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    for order, row in enumerate(rows, start=1):
        row["volgorde"] = order
        for field in _BOOL_FIELDS:
            row[field] = row[field] == "1"
    return rows


@transaction.atomic
def sync_catalogue() -> int:
    """Create or update every declared indicator; returns how many rows changed."""
    existing = {ind.code: ind for ind in Indicator.objects.all()}
    changed = 0
    for row in read_catalogue():
        indicator = existing.get(row["code"]) or Indicator(code=row["code"])
        if indicator.pk and all(getattr(indicator, k) == v for k, v in row.items()):
            continue
        for key, value in row.items():
            setattr(indicator, key, value)
        indicator.full_clean()
        indicator.save()
        changed += 1
    return changed


def sync_catalogue_after_migrate(sender, **kwargs):
    sync_catalogue()
