"""'In welk samenwerkingsverband valt …?': search by postcode, gemeente (also old names), woonplaats,
everyday place name (Den Haag, Den Bosch), school (name, BRIN4, BRIN6) or SWV (name or code in any
spelling), with 'Bedoelde u …?' for a mistyped place.

Every hit lists the SWV's it leads to. A place or gemeente whose name is the query ranks above a school
whose name merely contains it; when the best hits all lead to one SWV, that is a clear answer and the
view redirects to its page.
"""

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse

from swv.caching.versions import derived
from swv.codes import normalize_name, parse_pc4, swv_codes_in
from swv.models import Postcodegebied, Samenwerkingsverband, SwvGemeente, Vestiging
from swv.selectors.indeling import current_indeling
from swv.selectors.names import display_names
from swv.selectors.places import find_places, suggest_places

_NOT_LETTERS = re.compile(r"[^a-z0-9]+")
_SAINT = re.compile(r"\bst\b")
_BRIN = re.compile(r"^\s*(\d{2}[A-Za-z]{2})\s*(?:[-.]?\s*(\d{2}))?\s*$")
MAX_SCHOOLS = 25
MAX_QUERY = 100  # characters of a query that are read
MAX_GEMEENTEN = 10
MIN_PARTIAL = 3  # characters before a partial name match is tried
MAX_WORDS = 6  # words of a query a school's name and plaats are searched for
MAX_SUGGESTIONS = 8  # while typing: what fits a phone screen above the keyboard
MIN_SUGGEST = 2  # characters before suggestions are looked up
_SUGGESTION_GROUP = {"postcode": 0, "gemeente": 0, "plaats": 0, "swv": 1, "school": 2}


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
    soort: str  # postcode, gemeente, plaats, school, swv
    titel: str
    toelichting: str = ""
    targets: list[Target] = field(default_factory=list)
    exact: bool = False  # the query is this hit's name (or code), not just a part of it
    zoekterm: str = ""  # a query that finds this hit again (a suggestion puts it in the search box)


@dataclass
class SearchResult:
    query: str
    sector: str | None = None
    hits: list[Hit] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)  # 'Bedoelde u …?'
    corrected: str = ""  # the suggestion whose hits are shown because the query itself found nothing

    @property
    def destinations(self) -> list[Target]:
        """The SWV's of the best hits: those named exactly by the query when there are any."""
        best = [hit for hit in self.hits if hit.exact] or self.hits
        unique: dict[int, Target] = {}
        for hit in best:
            for target in hit.targets:
                if self.sector is None or target.sector == self.sector:
                    unique.setdefault(target.swv.pk, target)
        return list(unique.values())

    @property
    def redirect_url(self) -> str | None:
        """The one SWV page the query names exactly (a place, code or BRIN), if it names exactly one. A
        query that is only part of a name is listed, never followed: 'Harlem' is in Charlemagne College,
        and that school's SWV is not what was meant."""
        if self.corrected or not any(hit.exact for hit in self.hits):
            return None
        destinations = self.destinations
        return destinations[0].url if len(destinations) == 1 else None


def _target(swv: Samenwerkingsverband, names: dict[int, str], postcodes: str = "") -> Target:
    return Target(swv=swv, naam=names.get(swv.pk) or swv.code_leesbaar, url=swv.get_absolute_url(), postcodes=postcodes)


def _by_postcode(pc4: str, names: dict) -> list[Hit]:
    # One query: the PC4 in the newest indeling that has PC4 areas (a later indeling by gemeente only
    # would otherwise leave every postcode unanswered).
    areas = Postcodegebied.objects.filter(pc4=pc4).select_related("gemeente", "po_swv", "vo_swv")
    area = areas.order_by("-indeling__geldig_vanaf").first()
    if area is None:
        return []
    targets = [_target(swv, names) for swv in (area.po_swv, area.vo_swv) if swv is not None]
    plaats = area.gemeente.naam if area.gemeente else area.gemeente_bron
    note = "" if targets else "Dit postcodegebied (haven) hoort bij geen samenwerkingsverband."
    return [Hit("postcode", f"Postcode {pc4} ({plaats})", note, targets, exact=True, zoekterm=pc4)]


def _pc4_targets(place, swvs: dict, names: dict) -> tuple[list[Target], bool]:
    """The SWV's of a place's postcodes, with the postcodes only where they tell those of one sector apart."""
    targets = sorted(
        (_target(swvs[pk], names, pc4s.replace(",", ", ")) for pk, pc4s in place.swvs if pk in swvs),
        key=lambda t: (t.sector, t.swv.code),
    )
    split = len(targets) > len({t.sector for t in targets})
    for target in targets:
        if not split or sum(t.sector == target.sector for t in targets) == 1:
            target.postcodes = ""
    return targets, split


def _by_place(query: str, names: dict) -> list[Hit]:
    """Gemeenten and woonplaatsen, exact names (also everyday ones) first; one query for their SWV's."""
    matches = find_places(query, limit=MAX_GEMEENTEN, min_partial=MIN_PARTIAL)
    if not matches:
        return []
    ids = {i for m in matches if m.place.soort == "gemeente" and not m.place.swvs for i in m.place.gemeente_ids}
    relations = (
        SwvGemeente.objects.filter(indeling=current_indeling(), gemeente_id__in=ids)
        .select_related("swv", "gemeente")
        .order_by("swv__code")
        if ids
        else []
    )
    per_gemeente: dict[int, list] = {}
    for relation in relations:
        per_gemeente.setdefault(relation.gemeente_id, []).append(relation)
    swv_ids = {swv_id for m in matches for swv_id, _ in m.place.swvs}
    swvs = Samenwerkingsverband.objects.in_bulk(swv_ids) if swv_ids else {}
    hits, seen = [], set()
    for match in matches:
        place = match.place
        also = f" ({match.ook_genoemd})" if match.ook_genoemd else ""
        term = match.ook_genoemd or place.naam
        if place.swvs:  # a woonplaats, or an old gemeente: the SWV's of its own postcodes
            targets, split = _pc4_targets(place, swvs, names)
            if place.soort == "plaats":
                titel = f"{place.naam}{also}, gemeente {place.gemeente}" if place.gemeente else f"{place.naam}{also}"
                note = "Deze plaats is per postcode over meer samenwerkingsverbanden verdeeld." if split else ""
            else:
                now = "verdeeld over" if len(place.gemeente_ids) > 1 else "deel van gemeente"
                titel = f"Gemeente {place.naam}{also} (tot {place.tot}; nu {now} {place.gemeente})"
                note = "Dit gebied is per postcode over meer samenwerkingsverbanden verdeeld." if split else ""
            hits.append(Hit(place.soort, titel, note, targets, exact=match.exact, zoekterm=term))
            continue
        for gemeente_id in place.gemeente_ids:
            rows = per_gemeente.get(gemeente_id, [])
            if not rows or (place.naam, gemeente_id) in seen:
                continue
            seen.add((place.naam, gemeente_id))
            current = rows[0].gemeente.naam
            titel = f"Gemeente {current}{also}"
            if normalize_name(place.naam) != normalize_name(current):
                titel += f" (vroeger {place.naam})"
            split = any(r.gesplitst for r in rows)
            note = "Deze gemeente is per postcode over meer samenwerkingsverbanden verdeeld." if split else ""
            targets = [_target(r.swv, names, r.postcodes.replace(",", ", ") if r.gesplitst else "") for r in rows]
            hits.append(Hit("gemeente", titel, note, targets, exact=match.exact, zoekterm=term))
    return hits


def _school_hit(vestiging: Vestiging, names: dict, *, exact: bool = False) -> Hit:
    """Name, street and plaats, so that same-named branches of one school are told apart."""
    plaats = vestiging.plaats.title() if vestiging.plaats.isupper() else vestiging.plaats
    adres = ", ".join(part for part in (vestiging.straat, plaats) if part)
    targets = [_target(vestiging.swv, names)] if vestiging.swv else []
    note = "" if targets else "Voor deze school is geen samenwerkingsverband bekend (bijvoorbeeld (v)so)."
    titel = f"{vestiging.naam}, {adres} ({vestiging.brin6})"
    return Hit("school", titel, note, targets, exact=exact, zoekterm=vestiging.brin6)


def _school_words(raw: str) -> str:
    """Lowercase words without accents or punctuation, 'St.' as 'sint': "'t Kompas" is 't kompas'."""
    text = "".join(c for c in unicodedata.normalize("NFKD", raw) if not unicodedata.combining(c)).lower()
    return _SAINT.sub("sint", _NOT_LETTERS.sub(" ", text)).strip()


def _build_school_index() -> dict:
    rows = list(Vestiging.objects.order_by("naam", "brin6").values_list("pk", "naam", "plaats"))
    lines = [f"{_school_words(naam)}|{_school_words(plaats)}" for _, naam, plaats in rows]
    starts, position = [], 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    return {"ids": [pk for pk, _, _ in rows], "joined": "\n".join(lines), "starts": starts}


def school_index() -> dict:
    """Every school's name and plaats as words, one line each in the order of their names, for the
    current source-data version: a query is one `str.find` pass in C, not a LIKE over every row."""
    return derived("zoeken:scholen", _build_school_index)


def _schools_named(query: str) -> list[int]:
    """Ids of the schools whose name holds the first word and whose name or plaats every other word: the
    school called exactly that first, then those whose name starts with it, then the others by name."""
    words = list(dict.fromkeys(_school_words(query).split()))[:MAX_WORDS]  # 'de de de …' is one word
    if not words or max(map(len, words)) < MIN_PARTIAL:
        return []
    index = school_index()
    joined, starts = index["joined"], index["starts"]
    text, rarest = " ".join(words), max(words, key=len)

    def line(number: int) -> str:
        end = joined.find("\n", starts[number])
        return joined[starts[number] : end if end >= 0 else len(joined)]

    def fits(number: int) -> bool:
        found = line(number)
        return words[0] in found.partition("|")[0] and all(word in found for word in words)

    # A line starts with the school's name: those starting with the query are found directly.
    first = [0] if joined.startswith(text) else []
    position = joined.find("\n" + text)
    while position >= 0:
        first.append(bisect.bisect_right(starts, position + 1) - 1)
        position = joined.find("\n" + text, position + 1)
    ranked = sorted((line(n).partition("|")[0] != text, n) for n in first if fits(n))
    chosen = [n for _, n in ranked][:MAX_SCHOOLS]
    # Then the others in name order, only as far as needed ('basisschool' is in thousands of names).
    position = joined.find(rarest)
    while position >= 0 and len(chosen) < MAX_SCHOOLS:
        number = bisect.bisect_right(starts, position) - 1
        if number not in chosen and fits(number):
            chosen.append(number)
        end = joined.find("\n", position)
        position = joined.find(rarest, end) if end >= 0 else -1
    return [index["ids"][number] for number in chosen]


def _by_school(query: str, names: dict) -> list[Hit]:
    schools = Vestiging.objects.select_related("swv").order_by("naam", "brin6")
    brin = _BRIN.match(query)
    if brin:
        brin4, vest = brin.group(1).upper(), brin.group(2)
        found = list(schools.filter(brin6=brin4 + vest) if vest else schools.filter(brin4=brin4)[:MAX_SCHOOLS])
        if found:
            return [_school_hit(v, names, exact=True) for v in found]
    if len(query.strip()) < MIN_PARTIAL:
        return []
    ids = _schools_named(query)
    by_id = Vestiging.objects.select_related("swv").in_bulk(ids) if ids else {}
    return [_school_hit(by_id[pk], names) for pk in ids if pk in by_id]


def _by_swv(query: str, names: dict) -> list[Hit]:
    codes = swv_codes_in(query)
    if codes:
        swvs = list(Samenwerkingsverband.objects.filter(code__in=codes).order_by("code"))
    elif len(query.strip()) >= MIN_PARTIAL:
        swvs = list(Samenwerkingsverband.objects.filter(naam__icontains=query.strip()).order_by("code")[:MAX_SCHOOLS])
    else:
        swvs = []
    targets = [_target(swv, names) for swv in swvs]
    return [Hit("swv", t.naam, "", [t], exact=True, zoekterm=t.swv.code_leesbaar) for t in targets]


def _hits(query: str, names: dict) -> list[Hit]:
    swvs = _by_swv(query, names)
    if swvs and swv_codes_in(query):
        return swvs
    places = _by_place(query, names)
    exact = [hit for hit in places if hit.exact]
    return exact + swvs + [hit for hit in places if not hit.exact] + _by_school(query, names)


def search(query: str, sector: str | None = None) -> SearchResult:
    query = (query or "").strip()[:MAX_QUERY]
    result = SearchResult(query=query, sector=sector)
    if not query:
        return result
    names = display_names()  # one cache read for every SWV named in the answer
    pc4 = parse_pc4(query)
    if pc4:
        result.hits = _by_postcode(pc4, names)
        return result
    result.hits = _hits(query, names)
    # Only part of some name matched ('amere' is in Gameren): still ask whether a place was mistyped.
    if not any(hit.exact for hit in result.hits):
        result.suggestions = suggest_places(query)
        if not result.hits and result.suggestions:
            result.corrected = result.suggestions[0]
            result.hits = _hits(result.corrected, names)
    return result


@dataclass(frozen=True)
class Suggestion:
    """One completion offered while typing: what it is, what goes in the search box, where it leads."""

    soort: str
    label: str
    zoekterm: str  # searching for this finds the hit again (a BRIN for a school, a code for an SWV)
    url: str  # the SWV page when the hit leads to one SWV, else the search page for the zoekterm


def search_url(term: str) -> str:
    return f"{reverse('kaart:zoeken')}?{urlencode({'q': term})}"


def suggest(query: str, *, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    """Suggestions while typing, from the same search (ranking, aliases, typos): places and gemeenten
    first, then SWV's, then schools."""
    query = (query or "").strip()
    if len(query) < MIN_SUGGEST:
        return []
    result = search(query)
    found: list[Suggestion] = []
    for hit in result.hits:
        if not hit.zoekterm:
            continue
        urls = {target.url for target in hit.targets}
        url = urls.pop() if len(urls) == 1 else search_url(hit.zoekterm)
        found.append(Suggestion(hit.soort, hit.titel, hit.zoekterm, url))
    # The places that may have been meant, after the places found (a name being typed, 'Den Ha', is no
    # typo of Den Ham) and before SWV's and schools; with a correction, the other candidates ('ptten':
    # Petten is shown, Putten offered).
    meant = [name for name in result.suggestions if name != result.corrected]
    found += [Suggestion("plaats", name, name, search_url(name)) for name in meant]
    unique: dict[tuple[str, str], Suggestion] = {}
    for suggestion in found:
        unique.setdefault((suggestion.label, suggestion.zoekterm), suggestion)
    ranked = sorted(unique.values(), key=lambda s: _SUGGESTION_GROUP.get(s.soort, 3))  # stable: search's order
    return ranked[:limit]
