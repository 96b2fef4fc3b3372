"""The browsable HTML view of the API (?format=api), in the site's language: names and breadcrumbs taken
from the address itself, whose resource names are Dutch already."""

from django.urls import reverse
from rest_framework.renderers import BrowsableAPIRenderer


def _segments(path: str) -> list[str]:
    return [part for part in path.removeprefix(reverse("api:api-root")).split("/") if part]


class BrowsableApi(BrowsableAPIRenderer):
    template = "rest_framework/api.html"

    def get_name(self, view):
        request = getattr(view, "request", None)
        parts = _segments(request.path) if request is not None else []
        # DRF names a view after its class ("Samenwerkingsverband List"); the address says it in Dutch.
        name = " › ".join(parts)
        return name[:1].upper() + name[1:] if parts else "Open data API, versie 1"

    def get_breadcrumbs(self, request):
        path = reverse("api:api-root")
        crumbs = [
            ("Home", reverse("landelijk:home")),
            ("Open data API", reverse("api:documentatie")),
            ("versie 1", path),
        ]
        for part in _segments(request.path):
            path = f"{path}/{part}"
            crumbs.append((part, path))
        return crumbs
