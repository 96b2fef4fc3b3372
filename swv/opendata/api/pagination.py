from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """?pagina=2&per_pagina=500; stable order comes from each endpoint."""

    page_size = 100
    page_query_param = "pagina"
    page_size_query_param = "per_pagina"
    max_page_size = 1000
