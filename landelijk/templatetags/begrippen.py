from django import template
from django.urls import reverse

from landelijk.begrippen import link_terms

register = template.Library()


@register.filter
def begrippen(text: str):
    """A definition with its glossary words linked to /begrippen/."""
    return link_terms(text, url=reverse("landelijk:begrippen"))
