from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation


class UrlDecides(DefaultContentNegotiation):
    """The URL alone decides the format: JSON, or the browsable HTML pages with ?format=api (or a .api
    suffix). Never the Accept header, because the site's page cache keys responses by URL only. An
    unknown format is a 406 problem."""

    def select_renderer(self, request, renderers, format_suffix=None):
        chosen = format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        if not chosen:
            return renderers[0], renderers[0].media_type
        for renderer in renderers:
            if renderer.format == chosen:
                return renderer, renderer.media_type
        formats = ", ".join(r.format for r in renderers)
        raise NotAcceptable(f"Onbekend formaat {chosen!r}: kies uit {formats}.")
