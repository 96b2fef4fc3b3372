"""Place names as people type them: gemeenten (today's and old names), woonplaatsen from the school
addresses, and everyday names from a small declared table (`swv/data/plaatsnamen.csv`: Den Haag for
's-Gravenhage, Den Bosch for 's-Hertogenbosch, Frisian and Dutch names of the same place).

A woonplaats leads to the SWV's of the postcode areas its schools lie in. The index is computed once per
source-data version and kept in the shared cache and in each process. Typos are caught by comparing
the query with every name in the index (rapidfuzz), which works the same on PostgreSQL and SQLite.
"""

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from swv.caching.versions import derived
from swv.codes import normalize_name
from swv.models import Gemeente, Postcodegebied, Vestiging
from swv.selectors.gemeenten import GemeenteResolver

ALIASES_FILE = Path(__file__).resolve().parent.parent / "data" / "plaatsnamen.csv"
SUGGESTION_CUTOFF = 80  # rapidfuzz ratio (0-100): 'veldhovn' ~ 'veldhoven' scores 94, 'vledhoven' 89
MAX_SUGGESTIONS = 3
_PREFIXES = re.compile(r"^(?:(?:de )?gemeente|woonplaats|plaats|regio|in) ")
_SAINT = re.compile(r"\bst(?:\.\s*|\s+)")  # 'St. Michielsgestel', 'St Anthonis'; not 'Stad'


def place_key(raw: str) -> str:
    """A comparison key: no case, accents, hyphens, apostrophes, CBS suffixes, spaces, 'gemeente' in
    front or the article 's ("'s-Gravenhage", "s Gravenhage", "gemeente Gravenhage" -> 'gravenhage')."""
    text = normalize_name(raw.replace("/", " "))
    text = _PREFIXES.sub("", text)
    text = _SAINT.sub("sint ", text)
    if text.startswith("s "):
        text = text[2:]
    return text.replace(" ", "").replace(".", "").replace(",", "")


def _article_variant(raw: str) -> str | None:
    """'sgravenhage' for "'s-Gravenhage": typed without apostrophe or hyphen the article sticks on."""
    text = normalize_name(raw)
    return ("s" + text[2:]).replace(" ", "") if text.startswith("s ") else None


@lru_cache(maxsize=1)
def aliases() -> dict[str, tuple[str, str]]:
    """alias key -> (the alias as written, the official name it stands for)."""
    with ALIASES_FILE.open(encoding="utf-8", newline="") as handle:
        return {place_key(row["ook_genoemd"]): (row["ook_genoemd"], row["naam"]) for row in csv.DictReader(handle)}


@dataclass(frozen=True)
class Place:
    """One name in the index: a gemeente name (maybe an old one) or a woonplaats."""

    soort: str  # "gemeente" | "plaats"
    naam: str  # as written
    gemeente_ids: tuple[int, ...] = ()  # gemeente: today's gemeente(n) the name stands for
    gemeente: str = ""  # plaats: the gemeente it lies in
    swvs: tuple[tuple[int, str], ...] = ()  # plaats: (SWV id, its postcodes of this plaats)


def _gemeente_places() -> list[Place]:
    resolver = GemeenteResolver(use_school_clues=False)
    seen, places = set(), []
    for gemeente in resolver.by_name.values():
        if gemeente.pk in seen:
            continue
        seen.add(gemeente.pk)
        ids = tuple(g.pk for g in resolver.resolve(gemeente.code).gemeenten if g.geldig_tot is None)
        if ids:
            places.append(Place("gemeente", gemeente.naam, gemeente_ids=ids))
    return places


def _pc4_swvs() -> dict[str, tuple[int | None, int | None]]:
    """pc4 -> (PO SWV id, VO SWV id) in the newest indeling that has postcode areas."""
    newest = Postcodegebied.objects.order_by("-indeling__geldig_vanaf").values_list("indeling_id", flat=True).first()
    if newest is None:
        return {}
    rows = Postcodegebied.objects.filter(indeling_id=newest).values_list("pc4", "po_swv_id", "vo_swv_id")
    return {pc4: (po, vo) for pc4, po, vo in rows}


def _woonplaatsen(gemeente_keys: dict[int, set[str]]) -> list[Place]:
    """Every woonplaats of a school address, per gemeente, unless it only repeats the gemeente's name."""
    pc4s: dict[tuple[str, int | None], set[str]] = defaultdict(set)
    for plaats, gemeente, pc4 in Vestiging.objects.exclude(plaats="").values_list("plaats", "gemeente_id", "pc4"):
        pc4s[(plaats, gemeente)].add(pc4)
    regions = _pc4_swvs()
    names: dict[int | None, str] = dict(Gemeente.objects.values_list("pk", "naam"))
    places = []
    for (plaats, gemeente_id), codes in sorted(pc4s.items()):
        if gemeente_id is not None and place_key(plaats) in gemeente_keys.get(gemeente_id, set()):
            continue  # Veldhoven in gemeente Veldhoven: the gemeente says it all
        per_swv: dict[int, list[str]] = defaultdict(list)
        for pc4 in sorted(codes):
            for swv_id in regions.get(pc4, ()):
                if swv_id is not None:
                    per_swv[swv_id].append(pc4)
        if per_swv:
            swvs = tuple((swv_id, ",".join(p)) for swv_id, p in per_swv.items())
            naam = plaats.title() if plaats.isupper() else plaats
            places.append(Place("plaats", naam, gemeente=names.get(gemeente_id, ""), swvs=swvs))
    return places


def _build() -> dict:
    gemeenten = _gemeente_places()
    gemeente_keys: dict[int, set[str]] = defaultdict(set)
    for place in gemeenten:
        for pk in place.gemeente_ids:
            gemeente_keys[pk].add(place_key(place.naam))
    places = gemeenten + _woonplaatsen(gemeente_keys)
    keys: dict[str, list[int]] = defaultdict(list)
    for i, place in enumerate(places):
        for key in {place_key(place.naam), _article_variant(place.naam)}:
            if key:
                keys[key].append(i)
    return {"places": places, "keys": dict(keys)}


def place_index() -> dict:
    """{'places': [Place], 'keys': {key: [place index]}} for the current source-data version."""
    return derived("zoeken:plaatsen", _build)


@dataclass
class PlaceMatch:
    place: Place
    exact: bool
    ook_genoemd: str = ""  # the everyday name the query used, when it went through the alias table


def find_places(query: str, *, limit: int = 10, min_partial: int = 3) -> list[PlaceMatch]:
    """Exact names first (also through an alias), then names that start with, then that contain the query."""
    needle = place_key(query)
    if not needle:
        return []
    index = place_index()
    places, keys = index["places"], index["keys"]
    matches: dict[int, PlaceMatch] = {}
    for i in keys.get(needle, []):
        matches[i] = PlaceMatch(places[i], exact=True)
    alias = aliases().get(needle)
    if alias:
        for i in keys.get(place_key(alias[1]), []):
            matches.setdefault(i, PlaceMatch(places[i], exact=True, ook_genoemd=alias[0]))
    if len(needle) >= min_partial:
        partial = sorted((not key.startswith(needle), len(key), key) for key in keys if needle in key and key != needle)
        # An everyday name being typed ('Den Ha') completes to the place it stands for.
        partial += [(False, len(key), key) for key in aliases() if key.startswith(needle) and key != needle]
        for _, _, key in sorted(partial):
            alias = aliases().get(key) if key not in keys else None
            for i in keys.get(place_key(alias[1]), []) if alias else keys[key]:
                matches.setdefault(i, PlaceMatch(places[i], exact=False, ook_genoemd=alias[0] if alias else ""))
    ranked = sorted(matches.values(), key=lambda m: (not m.exact, m.place.soort != "gemeente"))
    return ranked[:limit]


def suggest_places(query: str) -> list[str]:
    """'Bedoelde u …?': the names (official or everyday) closest to a query that matched no place."""
    needle = place_key(query)
    if len(needle) < 4:
        return []
    index = place_index()
    labels: dict[str, str] = {}
    for key, ids in index["keys"].items():
        labels.setdefault(key, index["places"][ids[0]].naam)
    for key, (written, _) in aliases().items():
        labels.setdefault(key, written)
    found = process.extract(needle, list(labels), scorer=fuzz.ratio, score_cutoff=SUGGESTION_CUTOFF, limit=10)
    suggestions: list[str] = []
    for key, _, _ in found:
        if labels[key] not in suggestions:
            suggestions.append(labels[key])
    return suggestions[:MAX_SUGGESTIONS]
