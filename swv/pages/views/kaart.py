"""The map of the SWV regions (/kaart/), its GeoJSON per sector, search (/zoeken/) and its suggestions."""

import re

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from swv.caching import params
from swv.models import Sector
from swv.selectors.indeling import current_indeling
from swv.selectors.regions import geojson_url, sector_geojson, swvs_by_provincie
from swv.selectors.search import MAX_QUERY, search, suggest

_GZIP = re.compile(r"\bgzip\b")
GEOJSON_MAX_AGE = 24 * 3600  # the map page asks for ?v=<data version>, so a new import is a new URL


def _sector_or_404(raw: str) -> str:
    sector = Sector.parse(raw)
    if sector is None:
        raise Http404("Onbekende sector")
    return sector


@params.query_params(sector=params.SECTOR)
@require_safe
def kaart(request, sector: str | None = None):
    if sector is None:
        asked = Sector.parse(request.GET.get("sector", ""))
        if asked:  # /kaart/?sector=vo (links from other pages) -> the sector's own URL
            return redirect("kaart:sector", sector=asked.lower())
    sector = _sector_or_404(sector or "po")
    context = {
        "sector": sector,
        "sectoren": [(key, label, reverse("kaart:sector", args=[key.lower()])) for key, label in Sector.choices],
        "provincies": swvs_by_provincie(sector),
        "indeling": current_indeling(),
        "geojson_url": geojson_url(sector),
        "tiles_url": getattr(settings, "MAP_TILES_URL", ""),
        "tiles_attribution": getattr(settings, "MAP_TILES_ATTRIBUTION", ""),
    }
    return render(request, "kaart/kaart.html", context)


@params.query_params()
@require_safe
def regio_geojson(request, sector: str):
    """All regions of a sector; gzipped when the client accepts it, with ETag and Last-Modified."""
    data = sector_geojson(_sector_or_404(sector))
    gzipped = bool(_GZIP.search(request.headers.get("Accept-Encoding", "")))
    response = HttpResponse(data.gzipped if gzipped else data.body, content_type="application/geo+json")
    if gzipped:
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ["Accept-Encoding"])
    response["ETag"] = data.etag
    last_modified = int(data.last_modified.timestamp()) if data.last_modified else None
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=GEOJSON_MAX_AGE)
    response["X-Content-Type-Options"] = "nosniff"
    return get_conditional_response(request, etag=data.etag, last_modified=last_modified, response=response)


@params.query_params(q=params.TEXT, sector=params.SECTOR)
@require_safe
def zoeken(request):
    query = request.GET.get("q", "")
    sector = Sector.parse(request.GET.get("sector", ""))
    result = search(query, sector=sector)
    if result.redirect_url:
        return redirect(result.redirect_url)
    response = render(request, "zoeken/zoeken.html", {"result": result, "query": result.query, "sector": sector})
    return response if result.hits or "q" not in request.GET else params.selects_nothing(response)


@params.query_params(q=params.TEXT)
@require_safe
def suggesties(request):
    """JSON for the search box while typing: at most a few labels with where they lead."""
    query = request.GET.get("q", "")
    if len(query) > MAX_QUERY or "\x00" in query:
        return JsonResponse({"fout": f"De zoekterm is te lang of ongeldig (hoogstens {MAX_QUERY} tekens)."}, status=400)
    found = [{"label": s.label, "zoekterm": s.zoekterm, "url": s.url, "soort": s.soort} for s in suggest(query)]
    response = JsonResponse({"q": query.strip(), "suggesties": found})
    response["X-Content-Type-Options"] = "nosniff"
    return response if found else params.selects_nothing(response)
