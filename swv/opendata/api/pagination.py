from rest_framework.pagination import PageNumberPagination

from swv.caching.params import selects_nothing


class Pagination(PageNumberPagination):
    """?pagina=2&perPagina=500 (query parameters in lower camelCase, as the NL API Design Rules ask);
    stable order comes from each endpoint. A list its filters leave empty is not cached."""

    page_size = 100
    page_query_param = "pagina"
    page_size_query_param = "perPagina"
    max_page_size = 1000

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        return response if data else selects_nothing(response)
