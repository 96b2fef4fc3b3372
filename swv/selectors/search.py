"""'In welk samenwerkingsverband valt …?': search by postcode, gemeente (also old names), school
(name, BRIN4, BRIN6) or SWV (name or code in any spelling).

Every hit lists the SWV's it leads to; when all hits lead to one SWV, that is a clear answer and the
view redirects to its page.
"""

import re
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Q

from swv.codes import normalize_name, normalize_swv_code, parse_pc4
from swv.models import Postcodegebied, Samenwerkingsverband, SwvGemeente, Vestiging
from swv.selectors.names import display_names
from swv.selectors.regions import swv_url
from swv.services.cache import source_data_version
from swv.services.links import current_indeling

_BRIN = re.compile(r"^\s*(\d{2}[A-Za-z]{2})\s*(\d{2})?\s*$")
MAX_SCHOOLS = 25
MAX_GEMEENTEN = 10
MIN_PARTIAL = 3  # characters before a partial name match is tried
_INDEX: dict[str, dict] = {}  # the gemeente name index of the current data version, per process


@dataclass
class Target:
    """One SWV a hit leads to, with what narrows it down (the postcodes of a split gemeente)."""

    swv: Samenwerkingsverband
    naam: str
    url: str
    postcodes: str = ""

    @property
    def sector(self) -> str:
        return self.swv.sector


@dataclass
class Hit:
    soort: str  # postcode, gemeente, school, swv
    titel: str
    toelichting: str = ""
    targets: list[Target] = field(default_factory=list)


@dataclass
class SearchResult:
    query: str
    sector: str | None = None
    hits: list[Hit] = field(default_factory=list)

    @property
    def destinations(self) -> list[Target]:
        unique = {}
        for hit in self.hits:
            for target in hit.targets:
                if self.sector is None or target.sector == self.sector:
                    unique.setdefault(target.swv.pk, target)
        return list(unique.values())

    @property
    def redirect_url(self) -> str | None:
        """The one SWV page every hit leads to, if there is exactly one."""
        destinations = self.destinations
        return destinations[0].url if len(destinations) == 1 else None


def _target(swv: Samenwerkingsverband, names: dict[int, str], postcodes: str = "") -> Target:
    return Target(swv=swv, naam=names.get(swv.pk) or swv.code_leesbaar, url=swv_url(swv), postcodes=postcodes)


def _by_postcode(pc4: str, names: dict) -> list[Hit]:
    # One query: the PC4 in the newest indeling that has PC4 areas (a later indeling by gemeente only
    # would otherwise leave every postcode unanswered).
    areas = list(
        Postcodegebied.objects.filter(pc4=pc4)
        .select_related("gemeente", "po_swv", "vo_swv")
        .order_by("-indeling__geldig_vanaf")[:1]
    )
    if not areas:
        return []
    area = areas[0]
    targets = [_target(swv, names) for swv in (area.po_swv, area.vo_swv) if swv is not None]
    plaats = area.gemeente.naam if area.gemeente else area.gemeente_bron
    note = "" if targets else "Dit postcodegebied (haven) hoort bij geen samenwerkingsverband."
    return [Hit("postcode", f"Postcode {pc4} ({plaats})", note, targets)]


def gemeente_index() -> dict[str, dict]:
    """normalized name -> {'naam': name as written, 'ids': today's gemeente ids}; cached per data version."""
    key = f"zoeken:gemeenten:{source_data_version()}"
    index = _INDEX.get(key) or cache.get(key)
    if index is None:
        from swv.services.gemeenten import GemeenteResolver

        resolver = GemeenteResolver(use_school_clues=False)
        index = {}
        for normalized, gemeente in resolver.by_name.items():
            resolution = resolver.resolve(gemeente.code)
            ids = [g.pk for g in resolution.gemeenten if g.geldig_tot is None]
            if ids:
                index[normalized] = {"naam": gemeente.naam, "ids": ids}
        cache.set(key, index, 24 * 3600)
    _INDEX.clear()  # keep only the current version in this process
    _INDEX[key] = index
    return index


def _by_gemeente(query: str, names: dict) -> list[Hit]:
    needle = normalize_name(query)
    if not needle:
        return []
    index = gemeente_index()
    if needle in index:
        matches = [(needle, index[needle])]
    elif len(needle) >= MIN_PARTIAL:
        matches = [(k, v) for k, v in sorted(index.items()) if needle in k][:MAX_GEMEENTEN]
    else:
        matches = []
    ids = {i for _, entry in matches for i in entry["ids"]}
    relations = (
        SwvGemeente.objects.filter(indeling=current_indeling(), gemeente_id__in=ids)
        .select_related("swv", "gemeente")
        .order_by("swv__code")
    )
    per_gemeente: dict[int, list] = {}
    for relation in relations:
        per_gemeente.setdefault(relation.gemeente_id, []).append(relation)
    hits, seen = [], set()
    for _, entry in matches:
        for gemeente_id in entry["ids"]:
            rows = per_gemeente.get(gemeente_id, [])
            if not rows or (entry["naam"], gemeente_id) in seen:
                continue
            seen.add((entry["naam"], gemeente_id))
            current = rows[0].gemeente.naam
            titel = f"Gemeente {current}"
            if normalize_name(entry["naam"]) != normalize_name(current):
                titel += f" (vroeger {entry['naam']})"
            split = any(r.gesplitst for r in rows)
            note = "Deze gemeente is per postcode over meer samenwerkingsverbanden verdeeld." if split else ""
            targets = [_target(r.swv, names, r.postcodes.replace(",", ", ") if r.gesplitst else "") for r in rows]
            hits.append(Hit("gemeente", titel, note, targets))
    return hits


def _school_hit(vestiging: Vestiging, names: dict) -> Hit:
    plaats = vestiging.plaats.title() if vestiging.plaats.isupper() else vestiging.plaats
    targets = [_target(vestiging.swv, names)] if vestiging.swv else []
    note = "" if targets else "Voor deze school is geen samenwerkingsverband bekend (bijvoorbeeld (v)so)."
    return Hit("school", f"{vestiging.naam}, {plaats} ({vestiging.brin6})", note, targets)


def _by_school(query: str, names: dict) -> list[Hit]:
    schools = Vestiging.objects.select_related("swv").order_by("naam", "brin6")
    brin = _BRIN.match(query)
    if brin:
        brin4, vest = brin.group(1).upper(), brin.group(2)
        found = list(schools.filter(brin6=brin4 + vest) if vest else schools.filter(brin4=brin4)[:MAX_SCHOOLS])
        if found:
            return [_school_hit(v, names) for v in found]
    words = query.split()
    if len(query.strip()) < MIN_PARTIAL or not words:
        return []
    condition = Q()
    for word in words:
        condition &= Q(naam__icontains=word) | Q(plaats__icontains=word)
    return [_school_hit(v, names) for v in schools.filter(condition).filter(naam__icontains=words[0])[:MAX_SCHOOLS]]


def _by_swv(query: str, names: dict) -> list[Hit]:
    code = normalize_swv_code(query)
    if code:
        swvs = list(Samenwerkingsverband.objects.filter(code=code))
    elif len(query.strip()) >= MIN_PARTIAL:
        swvs = list(Samenwerkingsverband.objects.filter(naam__icontains=query.strip()).order_by("code")[:MAX_SCHOOLS])
    else:
        swvs = []
    return [Hit("swv", names.get(swv.pk) or swv.code_leesbaar, "", [_target(swv, names)]) for swv in swvs]


def search(query: str, sector: str | None = None) -> SearchResult:
    query = (query or "").strip()[:100]
    result = SearchResult(query=query, sector=sector)
    if not query:
        return result
    names = display_names()  # one cache read for every SWV named in the answer
    pc4 = parse_pc4(query)
    if pc4:
        result.hits = _by_postcode(pc4, names)
        return result
    result.hits = _by_swv(query, names)
    if result.hits and normalize_swv_code(query):
        return result
    result.hits += _by_gemeente(query, names) + _by_school(query, names)
    return result
