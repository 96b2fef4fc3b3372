import logging

from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import InvalidPage, Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from swv.caching import params
from swv.models import Samenwerkingsverband, Sector
from swv.pages.profile import build_swv_page_context
from uploads.models import Document, DocumentSoort
from uploads.selectors import documents_overview, draft_toelichtingen
from uploads.staff.roles import may_read_swv
from verantwoording.errors import error_page

logger = logging.getLogger("uploads")


@params.query_params()
@require_safe
def download(request, pk: int):
    """Public documents are always served as a PDF download, never rendered inline. A withdrawn or replaced
    version is gone for visitors (410, with a link to the newer version) but still readable for staff."""
    document = get_object_or_404(Document.objects.select_related("swv", "vervangen_door"), pk=pk)
    staff_only = not document.is_openbaar
    user = request.user
    if staff_only and not (
        user.is_staff and user.has_perm("uploads.view_document") and may_read_swv(user, document.swv_id)
    ):
        return _gone(request, document)
    try:
        handle = document.bestand.open("rb")
    except FileNotFoundError:
        raise Http404("Het bestand is niet gevonden.") from None
    filename = f"{document.swv.code}-{slugify(document.titel) or 'document'}.pdf"
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type="application/pdf")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if staff_only:
        response["Cache-Control"] = "private, no-store"
    return response


def _gone(request, document):
    if document.is_ingetrokken:
        return error_page(request, 410, "Dit document is ingetrokken door het samenwerkingsverband.")
    newer = document.vervangen_door
    while newer is not None and newer.vervangen_door_id is not None:
        newer = newer.vervangen_door
    if newer is not None and newer.is_openbaar:
        return error_page(
            request,
            410,
            "Dit document is vervangen door een nieuwere versie.",
            verder=(newer.get_absolute_url(), f"Download {newer.titel}"),
        )
    return error_page(request, 410, "Dit document is vervangen en niet meer beschikbaar.")


@params.query_params(soort="|".join(DocumentSoort.values), sector=params.SECTOR, pagina=params.PAGE)
@require_safe
def documenten(request):
    """The national overview of every SWV's current documents, filterable by type and sector."""
    soort = request.GET.get("soort", "")
    sector = Sector.parse(request.GET.get("sector")) or ""
    if soort not in DocumentSoort.values:
        soort = ""
    paginator = Paginator(documents_overview(soort=soort, sector=sector), 100)
    try:
        page = paginator.page(request.GET.get("pagina") or 1)
    except InvalidPage:  # a page past the last or no number: each page of the overview has one address
        raise Http404("Deze pagina van het overzicht bestaat niet.") from None
    return render(
        request,
        "uploads/documenten.html",
        {"page": page, "soort": soort, "sector": sector, "soorten": DocumentSoort.choices, "sectoren": Sector.choices},
    )


@never_cache
@staff_member_required(login_url="admin:login")
@require_safe
def voorbeeld(request, code: str):
    """Staff preview: the real SWV page with the draft toelichtingen instead of the published ones, only
    for users who may read this SWV's texts in the admin (its own staff, beheerder, inspectie)."""
    swv = get_object_or_404(Samenwerkingsverband, code=code.upper())
    if not (request.user.has_perm("uploads.view_toelichting") and may_read_swv(request.user, swv.pk)):
        raise Http404
    logger.info("preview swv=%s user=%s", swv.code, request.user.pk)
    context = build_swv_page_context(swv=swv, toelichtingen=draft_toelichtingen(swv=swv))
    response = render(request, "uploads/voorbeeld.html", {**context, "voorbeeld": True, "voorbeeld_swv": swv})
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
