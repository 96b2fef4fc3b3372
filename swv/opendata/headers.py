"""Headers every open-data answer carries: CORS for reading from any web page, the licence, the API's
version and, for a CSV download, where its CSVW metadata is.

Runs outside the page cache, so cached answers get them too. CORS is unconditional
`Access-Control-Allow-Origin: *` (not an echo of the Origin header): the data is public and read
without credentials, so the answer never depends on who asks and needs no `Vary: Origin`, which would
split every shared cache or CDN entry per calling site."""

from django.conf import settings
from django.http import HttpResponse

from swv.opendata.csvw import metadata_path
from swv.opendata.licence import LICENCE_URL

API_PREFIX = "/api/v1"
OPEN_PREFIXES = (API_PREFIX, "/downloads/", "/catalogus", "/feeds/")
READ_METHODS = "GET, HEAD, OPTIONS"
EXPOSED = "API-Version, Link, Content-Disposition, ETag, Last-Modified"


class OpenDataHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if not path.startswith(OPEN_PREFIXES):
            return self.get_response(request)
        if request.method == "OPTIONS" and "access-control-request-method" in request.headers:
            response = HttpResponse(status=204)  # a CORS preflight: only reading is allowed
            response["Access-Control-Allow-Methods"] = READ_METHODS
            response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSED
        if path == API_PREFIX or path.startswith(API_PREFIX + "/"):
            response["API-Version"] = settings.API_VERSION
        links = []
        if path.startswith("/downloads/") and path.endswith(".csv") and response.status_code == 200:
            name = metadata_path(path.rsplit("/", 1)[1], request.META.get("QUERY_STRING", ""))
            # First: some CSVW readers stop at the first link that is not their metadata.
            links.append(f'<{name}>; rel="describedby"; type="application/csvm+json"')
        links.append(f'<{LICENCE_URL}>; rel="license"')
        if response.has_header("Link"):
            links.insert(0, response["Link"])
        response["Link"] = ", ".join(links)
        return response
