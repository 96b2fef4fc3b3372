"""Staff screens beside the model admin: the start page "Mijn samenwerkingsverband" (what is published,
what is missing, which drafts wait) and the live preview of the toelichting editor."""

from django.contrib import admin
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_POST

from uploads.markdown import render_markdown
from uploads.models import Toelichting
from uploads.selectors import REQUIRED_DOCUMENTS, staff_overview


@require_GET
def _start(request):
    context = {
        **admin.site.each_context(request),
        "title": "Mijn samenwerkingsverband",
        "overzicht": staff_overview(user=request.user),
        "verplicht": REQUIRED_DOCUMENTS,
    }
    return TemplateResponse(request, "admin/uploads/mijn_samenwerkingsverband.html", context)


@require_POST
def _preview(request):
    """The draft as the public page will show it: the same Markdown subset, sanitised on the server."""
    text = request.POST.get("tekst", "")
    if len(text) > Toelichting.MAX_LENGTH:
        return HttpResponseBadRequest(f"De tekst is langer dan {Toelichting.MAX_LENGTH} tekens.")
    return HttpResponse(render_markdown(text), content_type="text/html; charset=utf-8")


# Through admin_view: only logged-in staff, never cached, CSRF as everywhere in the admin.
start = admin.site.admin_view(_start)
preview = admin.site.admin_view(_preview)
