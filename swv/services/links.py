"""Derived links that depend on more than one source: which SWV a school's vestiging belongs to."""

from django.db.models import OuterRef, Subquery

from swv.importers.base import Changes
from swv.models import Indeling, Postcodegebied, Vestiging

BATCH = 10000


def current_indeling() -> Indeling | None:
    return Indeling.objects.order_by("-geldig_vanaf").first()


def link_vestigingen() -> Changes:
    """A regular school belongs to the SWV of the region its vestiging lies in (art. 18a WPO / 17a WVO)."""
    indeling = current_indeling()
    by_pc4 = {}
    if indeling is not None:
        by_pc4 = {
            pc4: (po, vo)
            for pc4, po, vo in Postcodegebied.objects.filter(indeling=indeling).values_list(
                "pc4", "po_swv_id", "vo_swv_id"
            )
        }
    moved = {"bo": [], "vo": []}  # per school type, the vestigingen whose SWV changes
    for pk, pc4, soort, swv_id in Vestiging.objects.values_list("pk", "pc4", "soort", "swv_id"):
        po, vo = by_pc4.get(pc4, (None, None))
        if (po if soort == "bo" else vo) != swv_id:
            moved[soort].append(pk)
    # One UPDATE per school type, each looking up its SWV in the indeling, instead of one per SWV.
    for soort, column in (("bo", "po_swv_id"), ("vo", "vo_swv_id")):
        pks = moved[soort]
        region = Postcodegebied.objects.filter(indeling=indeling, pc4=OuterRef("pc4")).values(column)[:1]
        for start in range(0, len(pks), BATCH):
            Vestiging.objects.filter(pk__in=pks[start : start + BATCH]).update(
                swv_id=Subquery(region) if indeling is not None else None
            )
    return Changes(updated=len(moved["bo"]) + len(moved["vo"]))
