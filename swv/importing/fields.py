"""Cell parsers for the declared column types: each returns a value or raises ValueError(expected)."""

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from swv.codes import SUPPRESSED, gemeente_code, normalize_swv_code
from swv.codes import parse_pc4 as pc4_or_none

SUPPRESSED_BOUNDS = (Decimal(1), Decimal(4))
NUMERIC_TYPES = frozenset({"count", "amount", "decimal", "percent"})
# What publishers write in a number column for "no value": read as an empty cell.
NO_VALUE = frozenset({"-", "–", "—", ".", "..", "n.v.t.", "n.v.t", "nvt", "n.b.", "n.b", "nb", "onbekend"})


@dataclass(frozen=True)
class Range:
    """A value known only between two bounds, because a count it comes from was published as '<5'."""

    low: Decimal
    high: Decimal


def bounds(value) -> tuple[Decimal, Decimal] | None:
    """(low, high) of a parsed value: a number is its own bounds, '<5' is 1-4, nothing is None."""
    if value is None or isinstance(value, (str, bool)):
        return None
    if value is SUPPRESSED:
        return SUPPRESSED_BOUNDS
    if isinstance(value, Range):
        return value.low, value.high
    return Decimal(value), Decimal(value)


_SUPPRESSED_TEXT = {"<5", "< 5", "1-4", "1 - 4"}
_NL_NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_TRUE = {"ja", "j", "1", "true", "waar", "yes", "y"}
_FALSE = {"nee", "n", "0", "false", "onwaar", "no"}


# Thousands may be grouped with a space of any width: a plain, a non-breaking or a narrow one.
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]")


def _number(text: str) -> Decimal:
    cleaned = _SPACES.sub("", text.replace("€", "").replace("%", ""))
    if _NL_NUMBER.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    elif "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(",", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError from exc
    if not value.is_finite():
        raise ValueError
    return value


def parse_text(text: str) -> str:
    return text


def parse_count(text: str):
    if text in _SUPPRESSED_TEXT:
        return SUPPRESSED
    try:
        value = _number(text)
    except ValueError:
        raise ValueError("een geheel aantal (0 of meer) of <5") from None
    if value < 0 or value != value.to_integral_value():
        raise ValueError("een geheel aantal (0 of meer) of <5")
    return int(value)


def parse_amount(text: str) -> Decimal:
    try:
        return _number(text)
    except ValueError:
        raise ValueError("een bedrag in euro, bijvoorbeeld 1234567 of 1.234.567,89") from None


def parse_decimal(text: str) -> Decimal:
    try:
        return _number(text)
    except ValueError:
        raise ValueError("een getal, bijvoorbeeld 3,5") from None


def parse_percent(text: str) -> Decimal:
    try:
        value = _number(text)
    except ValueError:
        raise ValueError("een percentage tussen 0 en 100, bijvoorbeeld 2,7") from None
    if not 0 <= value <= 100:
        raise ValueError("een percentage tussen 0 en 100, bijvoorbeeld 2,7")
    return value


_DATE_FORMATS = (
    "%Y-%m-%d",
    "%d-%m-%Y",
    "%Y%m%d",
    "%d/%m/%Y",
    "%d.%m.%Y",
    "%Y/%m/%d",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan"),
            ("februari", "feb"),
            ("maart", "mrt", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augustus", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WRITTEN_DATE = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")


def parse_date(text: str) -> dt.date:
    text = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    written = _WRITTEN_DATE.match(text.lower())  # '1 oktober 2024', '1 okt. 2024'
    if written and written.group(2) in _MONTHS:
        try:
            return dt.date(int(written.group(3)), _MONTHS[written.group(2)], int(written.group(1)))
        except ValueError:
            pass
    raise ValueError("een datum als 2024-10-01 of 1-10-2024")


# '2023-2024', '2023/2024', '2023/24', '23/24', '2023 – 2024', 'schooljaar 2023-2024'
_SCHOOLJAAR = re.compile(r"^(?:schooljaar\s*)?(\d{4}|\d{2})\s*[-/–—]\s*(\d{4}|\d{2})$", re.IGNORECASE)


def parse_schooljaar(text: str) -> str:
    match = _SCHOOLJAAR.match(text.strip())
    if match:
        start_text, end = match.groups()
        # A school year of two digits ('23/24') is of this century: the sector's figures start in 2013.
        start = int(start_text) if len(start_text) == 4 else 2000 + int(start_text)
        end_year = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
        if end_year == start + 1:
            return f"{start}-{end_year}"
    raise ValueError("een schooljaar als 2023-2024, 2023/24 of 23/24")


def parse_year(text: str) -> int:
    if re.fullmatch(r"\d{4}", text) and 1990 <= int(text) <= 2100:
        return int(text)
    raise ValueError("een jaartal als 2024")


def parse_swv_code(text: str) -> str:
    code = normalize_swv_code(text)
    if code is None:
        raise ValueError("een code van een samenwerkingsverband als PO3009, PO 30-09 of VO2001")
    return code


def parse_pc4(text: str) -> str:
    pc4 = pc4_or_none(text)
    if pc4 is None:
        raise ValueError("een postcode van vier cijfers, bijvoorbeeld 5504")
    return pc4


def parse_gemeente(text: str) -> str:
    """A CBS code or a name; the importer resolves names (also of dissolved gemeenten)."""
    return gemeente_code(text) or text


def parse_bool(text: str) -> bool:
    value = text.lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError("ja of nee")


PARSERS = {
    "text": parse_text,
    "count": parse_count,
    "amount": parse_amount,
    "decimal": parse_decimal,
    "percent": parse_percent,
    "date": parse_date,
    "schooljaar": parse_schooljaar,
    "year": parse_year,
    "swv_code": parse_swv_code,
    "pc4": parse_pc4,
    "gemeente": parse_gemeente,
    "bool": parse_bool,
    "choice": parse_text,
}
