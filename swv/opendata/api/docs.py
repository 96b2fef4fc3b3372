"""The human-readable documentation of the open data: API endpoints (read from the OpenAPI schema,
so the page and the schema never disagree), downloads and feeds."""

from functools import lru_cache

from django.conf import settings
from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator

from swv.models import Indicator


@lru_cache(maxsize=1)
def _endpoints() -> list[dict]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    server = schema["servers"][0]["url"]  # the paths are relative to it
    gets = [(path, operations["get"]) for path, operations in schema["paths"].items() if "get" in operations]
    return [
        {
            "path": server + path,
            "beschrijving": (operation.get("description") or "").strip(),
            "parameters": [
                {
                    "naam": p["name"],
                    "plek": "pad" if p["in"] == "path" else "query",
                    "beschrijving": p.get("description", ""),
                    "keuzes": p.get("schema", {}).get("enum", []),
                }
                for p in operation.get("parameters", [])
            ],
        }
        for path, operation in gets
    ]


def documentatie(request):
    indicators = Indicator.objects.order_by("thema", "volgorde").only("code", "label", "thema", "niveau")
    context = {"endpoints": _endpoints(), "indicatoren": indicators, "api_versie": settings.API_VERSION}
    return render(request, "opendata/api.html", context)
