"""Errors of the API as problem details (RFC 9457, `application/problem+json`) in Dutch, as the NL API
Design Rules ask: `status`, `title` and `detail` always, `invalidParams` for a refused filter, and the same
body for a 404 outside the routes (a slashed address among them) and for an unexpected 500."""

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import Resolver404, resolve
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from swv.caching.params import query_params

logger = logging.getLogger("django.request")

PROBLEM_TYPE = "application/problem+json"
TITLES = {
    400: "Ongeldige vraag",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Formaat niet beschikbaar",
    429: "Te veel verzoeken",
    500: "Fout in de server",
}


class ProblemRenderer(JSONRenderer):
    media_type = PROBLEM_TYPE
    format = "problem"


def _invalid_params(detail) -> list[dict]:
    """A ValidationError's {"param": ["reason", …]} as RFC 9457 invalid-params (camelCase in the ADR)."""
    if not isinstance(detail, dict):
        return []
    return [
        {"name": name, "reason": " ".join(str(r) for r in (reasons if isinstance(reasons, list) else [reasons]))}
        for name, reasons in detail.items()
        if name != "detail"
    ]


def _text(detail) -> str:
    if isinstance(detail, dict):
        return " ".join(_text(v) for v in detail.values())
    if isinstance(detail, list):
        return " ".join(_text(v) for v in detail)
    return str(detail)


def _not_found_detail(context) -> str:
    view, kwargs = context.get("view"), context.get("kwargs") or {}
    lookup = getattr(view, "lookup_field", None)
    queryset = getattr(view, "queryset", None)
    model = queryset.model if queryset is not None else getattr(getattr(view, "serializer_class", None), "Meta", None)
    model = getattr(model, "model", model)
    if lookup and lookup in kwargs and model is not None:
        return f"Er is geen {model._meta.verbose_name} met code {kwargs[lookup]}."
    return "Op dit adres staat niets."


def exception_handler(exc, context):
    """DRF's EXCEPTION_HANDLER: every error as a problem in Dutch."""
    request = context.get("request")
    instance = request.get_full_path() if request is not None else ""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(_not_found_detail(context))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if isinstance(exc, exceptions.APIException):
        status = exc.status_code
        invalid = _invalid_params(exc.detail) if isinstance(exc, exceptions.ValidationError) else []
        detail = _text(exc.detail)
    else:
        logger.error("Fout in de API: %s", instance, exc_info=exc)
        status, invalid = 500, []
        detail = "Er ging iets mis bij het maken van dit antwoord. Probeer het later opnieuw."
    body = {"type": "about:blank", "title": TITLES.get(status, "Fout"), "status": status, "detail": detail}
    body["instance"] = instance
    if invalid:
        body["invalidParams"] = invalid
    response = Response(body, status=status)
    # Problems are always JSON, also when the browsable pages (?format=api) were asked for.
    if request is not None:
        request.accepted_renderer = ProblemRenderer()
        request.accepted_media_type = PROBLEM_TYPE
    response.accepted_renderer = ProblemRenderer()
    response.accepted_media_type = PROBLEM_TYPE
    response.content_type = PROBLEM_TYPE
    if getattr(exc, "wait", None):
        response["Retry-After"] = str(int(exc.wait))
    return response


@extend_schema(exclude=True)
@query_params()
@api_view(["GET", "HEAD"])
@permission_classes([AllowAny])
def not_found(request, rest: str = ""):
    """Every address under /api/v1 that is no resource. A slashed address answers 404 too, not a redirect
    (ADR /core/no-trailing-slash), and says which address is meant."""
    path = request.path
    if path.endswith("/") and path != "/":
        try:
            resolve(path.rstrip("/"))
        except Resolver404:
            pass
        else:
            raise exceptions.NotFound(f"Adressen van de API eindigen niet op een /: gebruik {path.rstrip('/')}.")
    raise exceptions.NotFound("Op dit adres staat niets. De beschrijving van de API staat op /api/v1/openapi.json.")
