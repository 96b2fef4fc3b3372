"""Shared steps of the two regio-indeling importers: the version of the regeling and its SWV's."""

import datetime as dt
import re
from pathlib import Path

from django.utils.text import slugify

from swv.importing.base import Changes
from swv.importing.problems import refusal
from swv.models import Indeling, Samenwerkingsverband
from swv.services.sync import sync_rows

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def indeling_for_file(path: Path) -> Indeling:
    """The regeling's version is the date it took effect, written in the file name."""
    match = _DATE.search(path.name)
    if not match:
        raise refusal(
            path.name,
            None,
            None,
            "zet de datum waarop de indeling geldt in de bestandsnaam, bijvoorbeeld swv_pc4_indeling_2015-04-23.csv",
        )
    valid_from = dt.date(*map(int, match.groups()))
    indeling, _ = Indeling.objects.get_or_create(
        geldig_vanaf=valid_from,
        defaults={"naam": "Regeling regio-indeling samenwerkingsverbanden passend onderwijs PO en VO"},
    )
    return indeling


def ensure_swvs(codes: set[str], *, valid_from: dt.date) -> tuple[dict[str, int], Changes]:
    """Create the SWV's an indeling names; an SWV counts from the first indeling that names it."""
    existing = {s.code: s for s in Samenwerkingsverband.objects.filter(code__in=codes)}
    desired = {}
    for code in codes:
        known = existing.get(code)
        start = min(filter(None, [known.geldig_vanaf if known else None, valid_from]))
        desired[code] = {"code": code, "sector": code[:2], "geldig_vanaf": start}
        if known is None:
            desired[code]["slug"] = slugify(code)  # as save() would: the slug follows the name, none yet
    changes = sync_rows(Samenwerkingsverband, existing=existing, desired=desired, delete_missing=False)
    return dict(Samenwerkingsverband.objects.filter(code__in=codes).values_list("code", "pk")), changes
