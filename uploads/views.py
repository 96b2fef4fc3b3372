from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from uploads.models import Document


def download(request, pk: int):
    """Documents are public; they are always served as a PDF download, never rendered inline."""
    document = get_object_or_404(Document.objects.select_related("swv"), pk=pk)
    try:
        handle = document.bestand.open("rb")
    except FileNotFoundError:
        raise Http404("Het bestand is niet gevonden.") from None
    filename = f"{document.swv.code}-{slugify(document.titel) or 'document'}.pdf"
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type="application/pdf")
    response["X-Content-Type-Options"] = "nosniff"
    return response
