"""Derived links that depend on more than one source: which SWV a school's vestiging belongs to."""

from swv.importers.base import Changes
from swv.importers.sync import sync_rows
from swv.models import Indeling, Postcodegebied, Vestiging


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
    existing, desired = {}, {}
    for vestiging in Vestiging.objects.only("pk", "pc4", "soort", "swv_id"):
        po, vo = by_pc4.get(vestiging.pc4, (None, None))
        existing[vestiging.pk] = vestiging
        desired[vestiging.pk] = {"swv_id": po if vestiging.soort == "bo" else vo}
    return sync_rows(Vestiging, existing=existing, desired=desired, delete_missing=False)
