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
_PC4 = re.compile(r"^\s*(\d{4})\s*(?:[A-Za-z]{2})?\s*$")


def normalize_swv_code(raw: str) -> str | None:
    """'PO3009', 'PO 30-09', 'PO-30-09', 'po30.09', 'P0 3009' -> 'PO3009'; anything else -> None.

    The one place that reads SWV codes: importers, search, compare and the API all go through it.
    """
    text = raw.strip()
    if not _SWV_CODE.fullmatch(text):
        return None
    letters = re.sub(r"^SWV|[^0-9A-Z]", "", text.upper())  # 'P03009' or 'PO3009'
    return f"{letters[0]}O{letters[-4:]}"


def parse_pc4(raw: str) -> str | None:
    """'5504', '5504 AB', '5504ab' -> '5504'."""
    match = _PC4.match(raw)
    return match.group(1) if match else None


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
    """'GM0363', '0363', '363' -> 'GM0363'."""
    text = raw.strip().upper()
    if text.startswith("GM"):
        text = text[2:]
    if not text.isdigit() or len(text) > 4:
        return None
    return f"GM{int(text):04d}"
