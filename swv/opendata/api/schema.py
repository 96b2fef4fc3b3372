"""What every operation of the OpenAPI document has in common, added after drf-spectacular generated it:
the API-Version header on every answer and the problem-details errors (NL API Design Rules)."""

from django.conf import settings

from swv.opendata.api.problems import PROBLEM_TYPE, TITLES

ERRORS = {
    400: "Een parameter heeft een waarde die niet kan (bijvoorbeeld een onbekende sector); invalidParams zegt welke.",
    404: "Er is niets op dit adres: een onbekende code, een pagina voorbij de laatste, of een adres dat op / eindigt.",
    406: "Het gevraagde formaat (?format=) bestaat niet; kies json of api.",
    500: "Er ging iets mis in de server.",
}
VERSION_HEADER = {
    "description": "De volledige versie van de API (semver), bijvoorbeeld 1.0.0.",
    "schema": {"type": "string", "example": settings.API_VERSION},
}
PROBLEM = {
    "type": "object",
    "description": "Een fout als problem details (RFC 9457), in het Nederlands.",
    "properties": {
        "type": {"type": "string", "example": "about:blank"},
        "title": {"type": "string", "example": "Ongeldige vraag"},
        "status": {"type": "integer", "example": 400},
        "detail": {"type": "string", "example": "Kies uit: PO, VO."},
        "instance": {"type": "string", "example": "/api/v1/samenwerkingsverbanden?sector=XX"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "reason": {"type": "string"}},
                "required": ["name", "reason"],
            },
        },
    },
    "required": ["type", "title", "status", "detail"],
}


def add_errors_and_version_header(result, generator, request, public):
    """drf-spectacular POSTPROCESSING_HOOK."""
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Problem"] = PROBLEM
    components.setdefault("headers", {})["API-Version"] = VERSION_HEADER
    header = {"API-Version": {"$ref": "#/components/headers/API-Version"}}
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            for status, description in ERRORS.items():
                responses.setdefault(
                    str(status),
                    {
                        "description": f"{TITLES[status]}. {description}",
                        "content": {PROBLEM_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
                    },
                )
            for response in responses.values():
                response.setdefault("headers", {}).update(header)
    return result
