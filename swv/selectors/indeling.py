"""The indeling (which gemeenten and postcodes form which SWV) that holds today."""

from swv.models import Indeling


def current_indeling() -> Indeling | None:
    return Indeling.objects.order_by("-geldig_vanaf").first()
