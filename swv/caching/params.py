"""The query parameters a view reads, declared on the view; the page cache keys by those alone.

    @query_params(sector=SECTOR)
    def index(request): ...

Before a declaring view runs, every other parameter is removed from the request (utm_*, fbclid, a
random ?r=), and the declared ones are put in a fixed order, so all those URLs are one cached page and
the view cannot depend on what does not count. A value that does not match its pattern is passed on
(the view answers it, usually with a 400) but that answer is not cached, so the number of cached pages
stays bounded by the values that exist. A view without a declaration is not changed, and cached only
when its URL has no query string at all.
"""

import functools
import re
from urllib.parse import urlencode

from django.core.signals import setting_changed
from django.urls import Resolver404, resolve

MAX_VALUES = 8  # of one parameter, e.g. ?swv=..&swv=.. on the comparison page (at most 4 are compared)

# Patterns shared by several views.
SECTOR = r"(?i)po|vo"
SWV = r"(?i)(po|vo)\d{4}"
GEMEENTE = r"(?i)gm\d{4}"
INDICATOR = r"[-a-z0-9_]{1,80}"
PERIODE = r"\d{4}(-\d{2}(-\d{2})?|-\d{4})?"
NIVEAU = r"swv|gemeente|land"
PAGE = r"\d{1,6}"
BRIN6 = r"(?i)[0-9a-z]{6}"
TEXT = r"[^\x00]{1,100}"
WORD = r"[a-z_]{1,40}"
PATH = r"/[^\s\x00]{0,299}"


def query_params(**patterns: str):
    """Declare the query parameters of a view (function, class-based view or DRF view set): name=regex."""
    compiled = {name: re.compile(pattern) for name, pattern in patterns.items()}

    def declare(view):
        view.cached_query_params = compiled
        return view

    return declare


@functools.lru_cache(maxsize=4096)
def declared_params(path_info: str) -> dict[str, re.Pattern] | None:
    """The parameters the view of this path declares; None when it declares none (or nothing matches)."""
    try:
        func = resolve(path_info).func
    except Resolver404:
        return None
    for holder in (func, getattr(func, "view_class", None), getattr(func, "cls", None)):
        declared = getattr(holder, "cached_query_params", None)
        if declared is not None:
            return declared
    return None


def normalise_query(request, declared: dict[str, re.Pattern]) -> bool:
    """Keep only the declared parameters, in name order; True when every kept value may be cached."""
    kept, cacheable = [], True
    for name in sorted(declared):
        values = request.GET.getlist(name)
        if len(values) > MAX_VALUES or not all(declared[name].fullmatch(value) for value in values):
            cacheable = False
        kept.extend((name, value) for value in values)
    request.META["QUERY_STRING"] = urlencode(kept)
    request.__dict__.pop("GET", None)  # parsed again from the new query string when read
    return cacheable


def _urlconf_changed(*, setting, **_kwargs):
    if setting == "ROOT_URLCONF":
        declared_params.cache_clear()


setting_changed.connect(_urlconf_changed)
