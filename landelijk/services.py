"""Writes of the national pages' own content."""

from django.db import transaction

from landelijk.models import ThemaContext
from swv.caching.versions import pages_changed


@transaction.atomic
def save_thema_context(*, context: ThemaContext) -> ThemaContext:
    """Save a theme's context text; /landelijk/ and the SWV pages show it, so their cached copies go."""
    context.full_clean()
    context.save()
    pages_changed()
    return context
