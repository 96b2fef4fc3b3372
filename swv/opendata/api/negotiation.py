from rest_framework.negotiation import DefaultContentNegotiation


class UrlDecides(DefaultContentNegotiation):
    """The URL alone decides the format: JSON, or the browsable HTML pages with ?format=api (or a .api
    suffix). Never the Accept header, because the site's page cache keys responses by URL only."""

    def select_renderer(self, request, renderers, format_suffix=None):
        chosen = format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        if chosen:
            return super().select_renderer(request, renderers, format_suffix)
        renderer = renderers[0]
        return renderer, renderer.media_type
