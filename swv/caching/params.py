"""The query parameters a view reads, declared on the view; the page cache keys by those alone.

    @query_params(sector=SECTOR)
    def index(request): ...

Before a declaring view runs, every other parameter is removed from the request (utm_*, fbclid, a
random ?r=), and so is a declared one without a value; the declared ones are put in a fixed order, so
all those URLs are one cached page and the view cannot depend on what does not count. A value that does
not match its pattern is passed on (the view answers it, usually with a 400) but that answer is not
cached, so the number of cached pages stays bounded by the values that exist. The same holds for a
value in an odd spelling the view reads all the same (mixed case, leading zeros), a parameter given
twice that is read once (only `many(...)` parameters may repeat), and an answer the view marks with
`selects_nothing` (a filter or search that found nothing: the pattern cannot know which codes exist).
A view without a declaration is not changed, and cached only when its URL has no query string at all.
"""

import functools
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.signals import setting_changed
from django.http import QueryDict
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.cache import patch_cache_control

SENT = "swv.query_as_sent"  # request.META key
MAX_VALUES = 8  # of one many(...) parameter, e.g. ?swv=..&swv=.. on the comparison page (at most 4 are compared)

# Patterns shared by several views. A sector in lower case (the site's links) or upper case (the API's),
# never mixed.
SECTOR = r"po|vo|PO|VO"
# Codes as the sector writes them (PO3009, GM0363): another spelling is read, but not cached.
SWV = r"(PO|VO)\d{4}"
GEMEENTE = r"GM\d{4}"
INDICATOR = r"[-a-z0-9_]{1,80}"
PERIODE = r"\d{4}(-\d{2}(-\d{2})?|-\d{4})?"
NIVEAU = r"swv|gemeente|land"
PAGE = r"[1-9]\d{0,5}"  # no 0, no leading zeros: each page has one address
PER_PAGE = r"[1-9]\d{0,2}|1000"  # the API's most (larger asks get 1000 too)
BRIN6 = r"[0-9A-Z]{6}"
TEXT = r"[^\x00]{1,100}"
WORD = r"[a-z_]{1,40}"
PATH = r"/[^\s\x00]{0,299}"


class Many(str):
    """A parameter pattern whose parameter may come more than once (?swv=..&swv=..)."""


def many(pattern: str) -> Many:
    return Many(pattern)


@dataclass(frozen=True)
class Param:
    pattern: re.Pattern
    most: int  # how many times the parameter may come in a cached address

    def cacheable(self, values: list[str]) -> bool:
        return len(values) <= self.most and all(self.pattern.fullmatch(value) for value in values)


class Declared(dict):
    """name -> Param, and whether the view redirects to its canonical address (query_params)."""

    canonical_redirect = False


def query_params(*, canonical_redirect: bool = False, **patterns: str):
    """Declare the query parameters of a view (function, class-based view or DRF view set): name=regex, or
    name=many(regex) for a parameter that may be repeated. With canonical_redirect the view redirects an
    address written another way (a form's blank fields, ?swv=PO3009&swv=; a code in lower case) to its own:
    it reads the query as sent (`sent`), and an address with a blank value is answered by the view, never
    from the cache under the address without it."""
    compiled = Declared(
        (name, Param(re.compile(pattern), MAX_VALUES if isinstance(pattern, Many) else 1))
        for name, pattern in patterns.items()
    )
    compiled.canonical_redirect = canonical_redirect

    def declare(view):
        view.cached_query_params = compiled
        return view

    return declare


def selects_nothing(response):
    """Mark an answer whose filters or search found nothing: answered, but kept by no cache (ours or a CDN),
    so a code that fits the pattern yet names nothing (PO9999, a random search) adds no key."""
    patch_cache_control(response, no_store=True)
    return response


@functools.lru_cache(maxsize=4096)
def canonical_path(path_info: str) -> bool:
    """Whether the path is the one the URLconf writes for what it resolves to: a code in another spelling or
    case that a path converter reads all the same is not."""
    try:
        match = resolve(path_info)
        written = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    except (Resolver404, NoReverseMatch):
        return False
    if "format" in match.kwargs:  # the API's .json/.api suffix: DRF reverses it with a slash the API does not write
        written = written.rstrip("/")
    return written == path_info


@functools.lru_cache(maxsize=4096)
def declared_params(path_info: str) -> Declared | None:
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


def normalise_query(request, declared: Declared) -> tuple[bool, bool]:
    """Keep only the declared parameters, in name order. An empty value is left out too (a form sends
    ?soort=&sector= for "all"): it reads as the parameter's absence. Returns whether every kept value may be
    cached, and whether a blank value was left out."""
    kept, cacheable, blank = [], True, False
    for name in sorted(declared):
        sent = request.GET.getlist(name)
        values = [value for value in sent if value]
        blank = blank or len(values) < len(sent)
        if not declared[name].cacheable(values):
            cacheable = False
        kept.extend((name, value) for value in values)
    request.META[SENT], request.META["QUERY_STRING"] = request.META.get("QUERY_STRING", ""), urlencode(kept)
    request.__dict__.pop("GET", None)  # parsed again from the new query string when read
    return cacheable, blank


def sent(request) -> QueryDict:
    """The query string as the client sent it, before normalise_query."""
    return QueryDict(request.META.get(SENT, request.META.get("QUERY_STRING", "")))


def _urlconf_changed(*, setting, **_kwargs):
    if setting == "ROOT_URLCONF":
        declared_params.cache_clear()
        canonical_path.cache_clear()


setting_changed.connect(_urlconf_changed)
