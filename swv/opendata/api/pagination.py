from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """?pagina=2&perPagina=500 (query parameters in lower camelCase, as the NL API Design Rules ask);
    stable order comes from each endpoint."""

    page_size = 100
    page_query_param = "pagina"
    page_size_query_param = "perPagina"
    max_page_size = 1000
