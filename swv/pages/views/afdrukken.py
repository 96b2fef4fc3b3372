"""The print header of a page: a tiny stylesheet that puts the page's subject, the print date and the
site address into the A4 page margins (CSS margin boxes, no JavaScript, no inline styles)."""

import re

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from swv.caching import params
from swv.converters import SwvCodeConverter
from swv.models import Samenwerkingsverband
from swv.selectors.names import display_name
from swv.templatetags.nl import datum


def css_string(text: str) -> str:
    """A CSS string literal: backslashes, quotes and line breaks escaped, nothing can break out."""
    escaped = "".join(ch if ch.isprintable() and ch not in '\\"' else f"\\{ord(ch):x} " for ch in text)
    return f'"{escaped}"'


def _subject(path: str) -> str:
    match = re.match(rf"^/swv/({SwvCodeConverter.regex})[-/]", path)
    if match:
        swv = Samenwerkingsverband.objects.filter(code=match.group(1).upper()).first()
        if swv:
            # the fallback name already holds the code, written as the page writes it (PO 30-09)
            return f"{swv.naam} ({swv.code_leesbaar})" if swv.naam else display_name(swv)
    if path.startswith("/landelijk/"):
        return "Landelijk beeld passend onderwijs"
    if path.startswith("/vergelijk/"):
        return "Vergelijking van samenwerkingsverbanden"
    return settings.SITE_NAME


@params.query_params(pagina=params.PATH)
@require_safe
def afdrukken_css(request):
    path = request.GET.get("pagina", "/")[:300]
    origin = request.build_absolute_uri("/").rstrip("/")
    footer = f"{settings.SITE_NAME} · {origin}{path}"
    vandaag = datum(timezone.localdate())
    css = (
        "@page {\n"
        f"  @top-left {{ content: {css_string(_subject(path))}; font: 600 8pt system-ui, sans-serif; }}\n"
        f"  @top-right {{ content: {css_string('Afgedrukt op ' + vandaag)}; font: 8pt system-ui, sans-serif; }}\n"
        f"  @bottom-left {{ content: {css_string(footer)}; font: 8pt system-ui, sans-serif; }}\n"
        "}\n"
        "@media print {\n"
        f'  main a[href^="/"]::after {{ content: " (" {css_string(origin)} attr(href) ")"; font-size: 0.85em; }}\n'
        "}\n"
    )
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "private, max-age=600"
    return response
