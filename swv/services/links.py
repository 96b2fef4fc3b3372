"""Derived links that depend on more than one source: which SWV a school's vestiging belongs to."""

from django.db.models import F, OuterRef, Q, Subquery

from swv.models import Postcodegebied, Vestiging
from swv.selectors.indeling import current_indeling
from swv.services.sync import Changes


def link_vestigingen() -> Changes:
    """A regular school belongs to the SWV of the region its vestiging lies in (art. 18a WPO / 17a WVO).

    One set-based UPDATE per school type, touching only the schools whose SWV changes, so a second
    identical import reports no changes.
    """
    indeling = current_indeling()
    if indeling is None:
        return Changes(updated=Vestiging.objects.exclude(swv=None).update(swv=None))
    moved = 0
    for soort, column in (("bo", "po_swv_id"), ("vo", "vo_swv_id")):
        region = Subquery(Postcodegebied.objects.filter(indeling=indeling, pc4=OuterRef("pc4")).values(column)[:1])
        unchanged = Q(swv_id=F("regio")) | Q(swv_id__isnull=True, regio__isnull=True)
        moved += Vestiging.objects.filter(soort=soort).alias(regio=region).exclude(unchanged).update(swv_id=region)
    return Changes(updated=moved)
