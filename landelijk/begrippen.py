"""The glossary (/begrippen/): the sector's words explained once, kept as data in landelijk/data/begrippen.csv,
and linked from every definition on the site where one of them appears."""

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

GLOSSARY_FILE = Path(__file__).resolve().parent / "data" / "begrippen.csv"


@dataclass(frozen=True)
class Begrip:
    begrip: str
    ook: tuple[str, ...]
    uitleg: str

    @property
    def anker(self) -> str:
        return slugify(self.begrip)


@lru_cache(maxsize=1)
def begrippen() -> list[Begrip]:
    with GLOSSARY_FILE.open(encoding="utf-8", newline="") as handle:
        rows = [
            Begrip(row["begrip"], tuple(a for a in row["ook"].split("|") if a), row["uitleg"])
            for row in csv.DictReader(handle)
        ]
    return sorted(rows, key=lambda b: b.begrip.lower())


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, dict[str, Begrip]]:
    """One pattern for every term and its other spellings, longest first, on whole words only."""
    by_word: dict[str, Begrip] = {}
    for begrip in begrippen():
        for word in (begrip.begrip, *begrip.ook):
            by_word.setdefault(word.lower(), begrip)
    words = sorted(by_word, key=len, reverse=True)
    alternation = "|".join(re.escape(escape(w)) for w in words)
    return re.compile(rf"(?<![\w-])({alternation})(?![\w-])", re.IGNORECASE), by_word


def link_terms(text: str, *, url: str = "/begrippen/") -> SafeString:
    """The text, escaped, with the first mention of each glossary word linked to its explanation."""
    pattern, by_word = _pattern()
    seen: set[str] = set()

    def link(match: re.Match) -> str:
        begrip = by_word.get(match.group(1).lower())
        if begrip is None or begrip.anker in seen:
            return match.group(1)
        seen.add(begrip.anker)
        return f'<a class="begrip" href="{url}#{begrip.anker}">{match.group(1)}</a>'

    return mark_safe(pattern.sub(link, escape(text or "")))
