"""Place names as people type them: gemeenten (today's and old names), woonplaatsen from the school
addresses, and everyday names from a small declared table (`swv/data/plaatsnamen.csv`: Den Haag for
's-Gravenhage, Den Bosch for 's-Hertogenbosch, Frisian and Dutch names of the same place).

A woonplaats leads to the SWV's of the postcode areas its schools lie in; an old gemeente to those of its
own postcodes (the indeling files and DUO's addresses name the gemeente of their time), so Weesp is not
all of Amsterdam. DUO's way of telling same-named places apart ('Hengelo Gld', 'Beek Gem Montferland')
is read back, so 'hengelo' finds every Hengelo and the visitor picks.

The index is computed once per source-data version and kept in the shared cache and in each process: a
query is a few dict look-ups, a bisection for names that start with it and one `str.find` pass over all
names joined for names that contain it. Typos are caught by comparing the query with every name in the
index (rapidfuzz), which works the same on PostgreSQL and SQLite.
"""

import bisect
import csv
import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from swv.caching.versions import derived
from swv.codes import gemeente_code, normalize_name, place_qualifier
from swv.models import Gemeente, Postcodegebied, Vestiging
from swv.selectors.gemeenten import GemeenteResolver

ALIASES_FILE = Path(__file__).resolve().parent.parent / "data" / "plaatsnamen.csv"
SUGGESTION_CUTOFF = 80  # rapidfuzz ratio (0-100): 'veldhovn' ~ 'veldhoven' scores 94, 'vledhoven' 89
MAX_SUGGESTIONS = 3
_NOT_LETTERS = re.compile(r"[^a-z0-9]+")
_PREFIXES = ("de gemeente ", "gemeente ", "gem ", "woonplaats ", "plaats ", "regio ", "in ")
# Abbreviations on signs and in addresses: 'St. Michielsgestel', 'Nw. Vennep', 'N. Vennep' (never 'Stad').
_ABBREVIATIONS = (
    (re.compile(r"\bst\b"), "sint"),
    (re.compile(r"\bnw\b"), "nieuw"),
    (re.compile(r"^n\b(?= )"), "nieuw"),
)
# 'aan den', 'aan de', 'a/d', 'a.d.', 'ad': Alphen a/d Rijn, Nieuwerkerk ad IJssel (DUO).
_AAN_DE = re.compile(r"\b(?:aan den?|a d|ad)\b")
# What tells same-named places apart, cut off where a name is offered for all of them ('Bergen (L.)',
# 'Hengelo Gld', 'Beek Gem Montferland' -> 'Bergen', 'Hengelo', 'Beek').
_QUALIFIER = re.compile(r"\s+(?:\([^)]*\)|gem\.?\s.*|gld|ov|lb|l|ut|fr|dr|nb|nh|zh|gn|ze|z|fl)$", re.IGNORECASE)


def _words(raw: str) -> str:
    """Lowercase words without accents or punctuation; a CBS suffix stays as a word ('bergen nh')."""
    text = _NOT_LETTERS.sub(" ", normalize_name(raw.replace("/", " "), keep_suffix=True)).strip()
    for prefix in _PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix) :]
            break
    for pattern, replacement in _ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    return text


def _variants(words: str) -> set[str]:
    """The keys one way of writing a name is found under: as written, with 'aan den' as 'ad', and without
    the article ("'s-Gravenhage", 's Gravenhage', 'sGravenhage' and 'Gravenhage' are one place)."""
    found = set()
    for text in {words, _AAN_DE.sub("ad", words)}:
        found.add(text.replace(" ", ""))
        head, _, rest = text.partition(" ")
        if head == "s" and rest:
            found.add(rest.replace(" ", ""))
    return found - {""}


def place_key(raw: str) -> str:
    """The main comparison key: no case, accents, punctuation, spaces or 'gemeente' in front, and no
    article 's ("'s-Gravenhage", "s Gravenhage", "gemeente Gravenhage" -> 'gravenhage')."""
    head, _, rest = _words(raw).partition(" ")
    return (rest if head == "s" and rest else f"{head} {rest}").replace(" ", "")


def place_keys(raw: str, *, gemeente: str = "") -> set[str]:
    """Every key a name of the index is found under: as written, and without the qualifier DUO or CBS
    adds to tell it from a same-named place ('Hengelo Gld' under 'hengelo' and 'hengelogld')."""
    words = _words(raw)
    base, province = place_qualifier(words, gemeente=_words(gemeente) if gemeente else "")
    keys = _variants(words) | _variants(base)
    if province:
        keys |= _variants(f"{base} {province}")
    return keys


def query_keys(raw: str) -> set[str]:
    """The keys a query matches exactly: as typed, and with a province it names read as the qualifier
    ('Bergen Limburg', 'Bergen (L.)' and 'bergen l' find Bergen in Limburg only)."""
    words = _words(raw)
    base, province = place_qualifier(words, spelled_out=True)
    return _variants(words) | (_variants(f"{base} {province}") if province else set())


@lru_cache(maxsize=1)
def aliases() -> dict[str, tuple[str, str]]:
    """alias key -> (the alias as written, the official name it stands for)."""
    with ALIASES_FILE.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if not row["naam"].startswith("#")]
    return {key: (row["ook_genoemd"], row["naam"]) for row in rows for key in place_keys(row["ook_genoemd"])}


@dataclass(frozen=True)
class Place:
    """One name in the index: a gemeente name (maybe an old one) or a woonplaats."""

    soort: str  # "gemeente" | "plaats"
    naam: str  # as written
    gemeente_ids: tuple[int, ...] = ()  # gemeente: today's gemeente(n) the name stands for
    gemeente: str = ""  # plaats: the gemeente it lies in; old gemeente: today's gemeente(n), joined
    swvs: tuple[tuple[int, str], ...] = ()  # (SWV id, its postcodes here), for a plaats or an old gemeente
    tot: int = 0  # old gemeente: the year it was merged


def _pc4_swvs() -> dict[str, tuple[int | None, int | None]]:
    """pc4 -> (PO SWV id, VO SWV id) in the newest indeling that has postcode areas."""
    newest = Postcodegebied.objects.order_by("-indeling__geldig_vanaf").values_list("indeling_id", flat=True).first()
    if newest is None:
        return {}
    rows = Postcodegebied.objects.filter(indeling_id=newest).values_list("pc4", "po_swv_id", "vo_swv_id")
    return {pc4: (po, vo) for pc4, po, vo in rows}


def _per_swv(pc4s: set[str], regions: dict) -> tuple[tuple[int, str], ...]:
    per_swv: dict[int, list[str]] = defaultdict(list)
    for pc4 in sorted(pc4s):
        for swv_id in regions.get(pc4, ()):
            if swv_id is not None:
                per_swv[swv_id].append(pc4)
    return tuple((swv_id, ",".join(p)) for swv_id, p in per_swv.items())


def _old_gemeente_pc4s(old: list[Gemeente]) -> dict[int, set[str]]:
    """The postcodes of each dissolved gemeente: the PC4's the indeling files gave it by name and those
    of the schools DUO placed in it by code, while it existed."""
    by_key = {place_key(g.naam): g.pk for g in old}
    by_code = {g.code: g.pk for g in old}
    pc4s: dict[int, set[str]] = defaultdict(set)
    for bron, pc4 in Postcodegebied.objects.values_list("gemeente_bron", "pc4").distinct().order_by():
        if place_key(bron) in by_key:
            pc4s[by_key[place_key(bron)]].add(pc4)
    for bron, pc4 in Vestiging.objects.exclude(gemeente_bron="").values_list("gemeente_bron", "pc4").order_by():
        code = gemeente_code(bron.split()[0])  # DUO writes '0788 HAAREN'
        if code in by_code:
            pc4s[by_code[code]].add(pc4)
    return pc4s


def _woonplaats_pc4s() -> dict[tuple[str, int | None], set[str]]:
    pc4s: dict[tuple[str, int | None], set[str]] = defaultdict(set)
    rows = Vestiging.objects.exclude(plaats="").values_list("plaats", "gemeente_id", "pc4").order_by()
    for plaats, gemeente, pc4 in rows:
        pc4s[(plaats, gemeente)].add(pc4)
    return pc4s


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def _today(resolver: GemeenteResolver, gemeente: Gemeente) -> tuple[int, ...]:
    """Today's gemeenten of a dissolved one, also when a part of it merged again later."""
    found: list[int] = []
    for successor in resolver.resolve(gemeente.code).gemeenten:
        if successor.geldig_tot is None:
            found.append(successor.pk)
        elif successor.pk != gemeente.pk:
            found += [pk for pk in _today(resolver, successor) if pk not in found]
    return tuple(dict.fromkeys(found))


def _build_places() -> list[tuple[Place, set[str]]]:
    """Every place with the keys it is found under (a gemeente also under the names of the woonplaatsen
    it stands for: 'Nijkerk Gld' finds gemeente Nijkerk, 'Haren Gn' the old gemeente Haren)."""
    resolver = GemeenteResolver(use_school_clues=False)
    gemeenten = list(Gemeente.objects.all())
    names: dict[int | None, str] = {g.pk: g.naam for g in gemeenten}
    regions = _pc4_swvs()
    woonplaatsen = _woonplaats_pc4s()
    # The keys that already say what a woonplaats in a gemeente would: the gemeente's own name, and an
    # old gemeente's that leads to its own postcodes ('Haaren' in Oisterwijk); gemeente -> (those keys,
    # the keys its place is found under, which take the woonplaats' keys along).
    covered: dict[int | None, list[tuple[set[str], set[str]]]] = defaultdict(list)
    places = []
    for g in gemeenten:
        if g.geldig_tot is None:
            places.append((Place("gemeente", g.naam, gemeente_ids=(g.pk,)), place_keys(g.naam)))
            covered[g.pk].append((place_keys(g.naam), places[-1][1]))
    old = [g for g in gemeenten if g.geldig_tot is not None]
    old_pc4s = _old_gemeente_pc4s(old)
    for g in old:
        successors = _today(resolver, g)
        if not successors:
            continue
        keys = place_keys(g.naam)
        pc4s = old_pc4s.get(g.pk) or {  # merged before every file we have: its woonplaats of that name
            pc4
            for (plaats, gemeente_id), codes in woonplaatsen.items()
            if gemeente_id in successors and place_keys(plaats) & keys
            for pc4 in codes
        }
        swvs = _per_swv(pc4s, regions)
        tot = (g.geldig_tot + dt.timedelta(days=1)).year if g.geldig_tot else 0
        nu = _joined([names[pk] for pk in successors])
        places.append((Place("gemeente", g.naam, gemeente_ids=successors, gemeente=nu, swvs=swvs, tot=tot), keys))
        if swvs:
            for pk in successors:
                covered[pk].append((keys, keys))
    for (plaats, gemeente_id), codes in sorted(woonplaatsen.items(), key=lambda item: (item[0][0], item[0][1] or 0)):
        gemeente = names.get(gemeente_id, "")
        keys = place_keys(plaats, gemeente=gemeente)
        same = [own for gemeente_keys, own in covered.get(gemeente_id, []) if keys & gemeente_keys]
        if same:  # Veldhoven in gemeente Veldhoven, Laren Nh in Laren (NH.): the gemeente says it all
            same[0] |= keys
            continue
        swvs = _per_swv(codes, regions)
        if swvs:
            naam = plaats.title() if plaats.isupper() else plaats
            places.append((Place("plaats", naam, gemeente=gemeente, swvs=swvs), keys))
    return places


def _build() -> dict:
    found = _build_places()
    places = [place for place, _ in found]
    keys: dict[str, list[int]] = defaultdict(list)
    labels: dict[str, str] = {}
    for i, (place, found_keys) in enumerate(found):
        for key in sorted(found_keys):
            keys[key].append(i)
            labels.setdefault(key, _QUALIFIER.sub("", place.naam))
    for key, (written, _) in aliases().items():
        labels.setdefault(key, written)
    ordered = sorted(set(keys) | set(aliases()))
    return {"places": places, "keys": dict(keys), "sorted": ordered, "joined": "\n".join(ordered), "labels": labels}


def place_index() -> dict:
    """{'places': [Place], 'keys': {key: [place index]}, 'sorted': every key (also the aliases') sorted,
    'joined': those joined by newlines, 'labels': {key: a name to show}} for the current source-data version."""
    return derived("zoeken:plaatsen:2", _build)


@dataclass
class PlaceMatch:
    place: Place
    exact: bool
    ook_genoemd: str = ""  # the everyday name the query used, when it went through the alias table


def _partial_keys(index: dict, needle: str) -> list[str]:
    """Keys that start with the needle (bisection), then keys that contain it (one pass in C over all keys)."""
    ordered, joined = index["sorted"], index["joined"]
    start = bisect.bisect_left(ordered, needle)
    end = bisect.bisect_right(ordered, needle + "\uffff")
    prefix = [key for key in ordered[start:end] if key != needle]
    inside, position = [], joined.find(needle)
    while position >= 0:
        line_start = joined.rfind("\n", 0, position) + 1
        line_end = joined.find("\n", position)
        key = joined[line_start : line_end if line_end >= 0 else len(joined)]
        if line_start != position:
            inside.append(key)
        position = joined.find(needle, line_end) if line_end >= 0 else -1
    return sorted(prefix, key=len) + sorted(inside, key=len)


def find_places(query: str, *, limit: int = 10, min_partial: int = 3) -> list[PlaceMatch]:
    """Exact names first (also through an alias), then names that start with, then that contain the query."""
    needles = query_keys(query)
    needle = place_key(query)
    if not needle:
        return []
    index = place_index()
    places, keys = index["places"], index["keys"]
    matches: dict[int, PlaceMatch] = {}
    for key in sorted(needles, key=lambda k: k != needle):
        for i in keys.get(key, []):
            matches.setdefault(i, PlaceMatch(places[i], exact=True))
        alias = aliases().get(key)
        if alias:
            for i in keys.get(place_key(alias[1]), []):
                matches.setdefault(i, PlaceMatch(places[i], exact=True, ook_genoemd=alias[0]))
    if len(needle) >= min_partial:
        # An everyday name being typed ('Den Ha') completes to the place it stands for.
        for key in _partial_keys(index, needle):
            if len(matches) >= limit * 3:
                break
            alias = aliases().get(key) if key not in keys else None
            for i in keys.get(place_key(alias[1]), []) if alias else keys.get(key, []):
                matches.setdefault(i, PlaceMatch(places[i], exact=False, ook_genoemd=alias[0] if alias else ""))
    ranked = sorted(matches.values(), key=lambda m: (not m.exact, m.place.soort != "gemeente", m.place.tot > 0))
    return ranked[:limit]


def suggest_places(query: str) -> list[str]:
    """'Bedoelde u …?': the names (official or everyday) closest to a query that matched no place."""
    needle = place_key(query)
    if len(needle) < 4:
        return []
    index = place_index()
    labels = index["labels"]
    found = process.extract(needle, index["sorted"], scorer=fuzz.ratio, score_cutoff=SUGGESTION_CUTOFF, limit=10)
    suggestions: list[str] = []
    for key, _, _ in found:
        if labels[key] not in suggestions:
            suggestions.append(labels[key])
    return suggestions[:MAX_SUGGESTIONS]
