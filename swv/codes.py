"""How the sector writes its codes and names, and how to read them back."""

import re
import unicodedata
from functools import lru_cache


# Every spelling seen in official texts and spreadsheets: PO3009, PO 30-09, PO-30-09, PO 30.09, 'SWV PO 30 09',
# and P0 3009 / V0 2001 with a zero typed for the letter O.
class _Suppressed:
    """A count published as '<5': known to be 1-4, never to be turned into a number."""

    def __repr__(self):
        return "<5"


SUPPRESSED = _Suppressed()

# Without flags or groups, so a URL pattern can embed it (swv.converters).
SWV_CODE_PATTERN = r"(?:[Ss][Ww][Vv]\s*)?[PpVv][Oo0]\s*[-.\s]?\s*[0-9]{2}\s*[-.\s]?\s*[0-9]{2}"
_SWV_CODE = re.compile(SWV_CODE_PATTERN)
# '5504', '5504 AB', '5504ab', '5504-AB', 'NL-5504 AB', '5504 a b': the letters say nothing about the SWV.
_PC4 = re.compile(r"^\s*(?:NL\s*-?\s*)?([1-9]\d{3})\s*[-.]?\s*(?:[A-Za-z]\s?[A-Za-z])?\s*$", re.IGNORECASE)
# The number of an SWV without its sector, as the regeling's tables write it: '30-09', '30.09', 'SWV 30 09'.
_SWV_NUMBER = re.compile(r"^\s*(?:SWV\s*[-.:]?\s*)?([0-9]{2})\s*[-./\s]\s*([0-9]{2})\s*$", re.IGNORECASE)
# A whole postcode in the same spellings, to be stored as DUO writes it ('7822 HG').
_POSTCODE = re.compile(r"^\s*(?:NL\s*-?\s*)?([1-9]\d{3})\s*[-.]?\s*([A-Za-z])\s?([A-Za-z])\s*$", re.IGNORECASE)


def normalize_swv_code(raw: str) -> str | None:
    """'PO3009', 'PO 30-09', 'PO-30-09', 'po30.09', 'P0 3009' -> 'PO3009'; anything else -> None.

    The one place that reads SWV codes: importers, search, compare and the API all go through it.
    """
    text = raw.strip()
    if not _SWV_CODE.fullmatch(text):
        return None
    letters = re.sub(r"^SWV|[^0-9A-Z]", "", text.upper())  # 'P03009' or 'PO3009'
    return f"{letters[0]}O{letters[-4:]}"


def swv_codes_in(raw: str) -> list[str]:
    """What people type for an SWV, read as codes: every spelling normalize_swv_code reads, also with
    'SWV-', 'P.O.' or a slash ('PO 30/09'), and a bare number with its separator ('30-09': the PO and the
    VO SWV of that number). A bare '3009' is a postcode, never a code."""
    text = re.sub(r"(?i)\b([pv])\s*\.\s*([o0])\s*\.?", r"\1\2 ", raw.strip().replace("/", "-"))
    text = re.sub(r"(?i)^swv\s*[-.:]\s*", "SWV ", text)
    code = normalize_swv_code(text)
    if code:
        return [code]
    number = _SWV_NUMBER.match(raw)
    return [f"{sector}{number.group(1)}{number.group(2)}" for sector in ("PO", "VO")] if number else []


def parse_pc4(raw: str) -> str | None:
    """'5504', '5504 AB', '5504ab', '5504-AB', 'NL-5504 AB' -> '5504'; no postcode starts with a 0."""
    match = _PC4.match(raw)
    return match.group(1) if match else None


def normalize_postcode(raw: str) -> str:
    """'7822HG', '7822 hg', '7822-HG', 'NL-7822 HG' -> '7822 HG' (as DUO's address files write it); anything
    else as it is."""
    match = _POSTCODE.match(raw)
    return f"{match.group(1)} {match.group(2)}{match.group(3)}".upper() if match else raw.strip()


# Importers ask for the same few hundred gemeente names thousands of times.
@lru_cache(maxsize=8192)
def normalize_name(raw: str, *, keep_suffix: bool = False) -> str:
    """A comparison key for place names: no diacritics, case, hyphens or CBS suffixes like ' (L.)'.

    With keep_suffix the suffix stays as letters ('Bergen (L.)' -> 'bergen l'), which is what tells
    Bergen in Limburg from Bergen in Noord-Holland.
    """
    text = unicodedata.normalize("NFKD", raw)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    suffix = re.search(r"\s*\(([A-Za-z.]{1,4})\)\s*$", text)
    if suffix:
        text = text[: suffix.start()] + (" " + suffix.group(1).replace(".", "") if keep_suffix else "")
    text = text.lower().replace("-", " ").replace("'", "")
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=8192)
def gemeente_code(raw: str) -> str | None:
    """'GM0363', 'GM 0363', '0363', '363' -> 'GM0363'."""
    text = raw.strip().upper()
    if text.startswith("GM"):
        text = text[2:].strip()
    if not text.isdigit() or len(text) > 4:
        return None
    return f"GM{int(text):04d}"


# How DUO and CBS tell same-named places apart after the name ('Ede Gld', 'Bergen (NH.)', 'Beek L'), and the
# province names people type instead ('Bergen Limburg'): canonical abbreviation -> spellings.
_PROVINCES = {
    "gn": ("gn", "gr", "groningen"),
    "fr": ("fr", "fryslan", "friesland"),
    "dr": ("dr", "drenthe"),
    "ov": ("ov", "o", "overijssel"),
    "fl": ("fl", "flevoland"),
    "gld": ("gld", "gl", "gelderland"),
    "ut": ("ut", "u", "utrecht"),
    "nh": ("nh", "noord holland"),
    "zh": ("zh", "zuid holland"),
    "ze": ("ze", "z", "zl", "zeeland"),
    "nb": ("nb", "noord brabant", "brabant"),
    "lb": ("lb", "l", "li", "limburg"),
}
# Spelled out, a province name can be part of a place's own name (Midden-Groningen, Utrechtse Heuvelrug):
# only a query reads it as a qualifier, and then next to the name as typed.
_PROVINCE_ABBREVIATIONS = {s: code for code, spellings in _PROVINCES.items() for s in spellings if len(s) <= 3}
_PROVINCE_SPELLINGS = {s: code for code, spellings in _PROVINCES.items() for s in spellings}
_DUO_GEMEENTE = re.compile(r"\s+gem\s+\S.*$")  # 'beek gem montferland', 'spaarndam gem haarlem'
# A gemeente's name after one of these is part of the place's own name: Oude Pekela, Klein Zundert, Broek in
# Waterland, West-Terschelling; after any other word it is DUO's addition (Hoorn Terschelling, Nes Ameland).
_PART_OF_NAME = {"in", "aan", "op", "bij", "de", "den", "het", "ter", "ten", "te", "nieuw", "nieuwe", "oud", "oude"}
_PART_OF_NAME |= {"klein", "groot", "west", "oost", "noord", "zuid", "midden", "boven", "beneden", "sint"}


def place_qualifier(normalized: str, *, gemeente: str = "", spelled_out: bool = False) -> tuple[str, str]:
    """A place name (already through normalize_name with keep_suffix, punctuation as spaces) without what
    tells it from a same-named place, and the province that did: 'ede gld' -> ('ede', 'gld'),
    'bergen nh' -> ('bergen', 'nh'), 'beek gem montferland' -> ('beek', ''), 'hoogvliet rotterdam' in
    gemeente Rotterdam -> ('hoogvliet', ''), 'oss' -> ('oss', ''). `spelled_out` also reads province
    names ('bergen limburg'), as a query may write them."""
    spellings = _PROVINCE_SPELLINGS if spelled_out else _PROVINCE_ABBREVIATIONS
    words = normalized.split()
    for size in (2, 1):
        if len(words) > size and " ".join(words[-size:]) in spellings:
            return " ".join(words[:-size]), spellings[" ".join(words[-size:])]
    base = _DUO_GEMEENTE.sub("", normalized)
    if base != normalized:
        return base, ""
    if gemeente and normalized.endswith(" " + gemeente) and len(normalized) > len(gemeente) + 1:
        base = normalized[: -len(gemeente) - 1]
        if base.split()[-1] not in _PART_OF_NAME:
            return base, ""
    return normalized, ""
