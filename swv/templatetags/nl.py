"""Dutch number notation (1.234; 3,4%; € 1.234.567) without depending on the server's locale."""

import datetime as dt

from django import template

from swv.figures import period_short

register = template.Library()

MAANDEN = "januari februari maart april mei juni juli augustus september oktober november december".split()


def _grouped(number: float, decimals: int) -> str:
    text = f"{abs(number):,.{decimals}f}"  # 1,234.5
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return ("−" if number < 0 and float(text.replace(".", "").replace(",", ".")) else "") + text


@register.filter
def getal(value, decimals=0) -> str:
    """1234.5 -> '1.235'; with decimals=1 -> '1.234,5'."""
    if value is None or value == "":
        return ""
    return _grouped(float(value), int(decimals))


@register.filter
def procent(value, decimals=1) -> str:
    """3.4 (already a percentage) -> '3,4%'; tiny shares keep two decimals so they never read as 0."""
    if value is None:
        return ""
    value = float(value)
    decimals = int(decimals)
    if 0 < abs(value) < 0.1 and decimals < 2:
        decimals = 2
    return f"{_grouped(value, decimals)}%"


@register.filter
def deel(value) -> str:
    """A share as a fraction, 0.123 -> '12%' (a share under 1% keeps a decimal: '0,4%')."""
    if value is None:
        return ""
    pct = float(value) * 100
    return f"{_grouped(pct, 1 if 0 < pct < 1 else 0)}%"


@register.filter
def euro(value) -> str:
    """1234567.8 -> '€ 1.234.568'; amounts per pupil keep no cents either (they are estimates)."""
    if value is None:
        return ""
    return f"€\u00a0{_grouped(float(value), 0)}"


@register.filter
def euro_kort(value) -> str:
    """Big budgets read better in words: 10.900.000.000 -> '€ 10,9 miljard'."""
    if value is None:
        return ""
    value = float(value)
    for size, word in ((1e9, "miljard"), (1e6, "miljoen")):
        if abs(value) >= size:
            return f"€\u00a0{_grouped(value / size, 1)} {word}"
    return euro(value)


@register.filter
def waarde(value, eenheid: str) -> str:
    """A figure in its unit, as the catalogue declares it."""
    if value is None or value == "":
        return ""
    if eenheid in ("categorie", "ja_nee"):
        return str(value)
    return _alike([float(value)], eenheid)[0]


def _range_of(value) -> tuple[float, float] | None:
    if value is None:
        return None
    if hasattr(value, "bounds"):  # a figures Point
        return value.bounds
    if hasattr(value, "bereik"):  # an Aggregate
        return value.bereik
    return tuple(value) if value else None


@register.filter
def bereik(value, eenheid: str) -> str:
    """A value known between two bounds, both ends written alike: '1 tot 4', '1.228 tot 1.231',
    '0,01% tot 0,02%', '6,9 tot 7,9' (never '0,10% tot 1,0%')."""
    bounds = _range_of(value)
    if not bounds:
        return ""
    low, high = _alike([float(bounds[0]), float(bounds[1])], eenheid)
    return f"{low.removesuffix(' jaar')} tot {high}"  # '6,9 tot 7,9 jaar'


@register.filter
def waarde_kort(value, eenheid: str) -> str:
    """A figure short enough to write on a chart: big amounts in words ('€ 1,2 miljoen')."""
    if eenheid == "euro" and value not in (None, ""):
        return euro_kort(value)
    return waarde(value, eenheid)


def _alike(values: list[float], eenheid: str) -> list[str]:
    """Several numbers of one unit in one sentence, with the same number of decimals."""
    if eenheid == "procent":
        decimals = 2 if any(0 < abs(v) < 0.1 for v in values) else 1
        return [f"{_grouped(v, decimals)}%" for v in values]
    if eenheid == "euro":
        return [euro(v) for v in values]
    if eenheid == "jaren":
        return [f"{_grouped(v, 1)} jaar" for v in values]
    decimals = 0 if all(v == int(v) or abs(v) >= 100 for v in values) else 1
    return [_grouped(v, decimals) for v in values]


@register.filter
def spreiding(spread, eenheid: str) -> dict:
    """The four numbers of a spread written alike ('van 0,10% tot 1,00%', never '0,10% tot 1,0%')."""
    if spread is None:
        return {}
    names = ("minimum", "maximum", "q1", "q3")
    return dict(zip(names, _alike([getattr(spread, n) for n in names], eenheid), strict=True))


@register.filter
def datum(value) -> str:
    """date(2024, 10, 1) -> '1 oktober 2024'."""
    if not isinstance(value, dt.date):
        return str(value or "")
    return f"{value.day} {MAANDEN[value.month - 1]} {value.year}"


@register.filter
def periode(point, soort: str) -> str:
    """How a period reads: 'teldatum 1 oktober 2024', 'schooljaar 2024-2025', '2024', '12 maart 2023'."""
    if point is None:
        return ""
    if soort == "teldatum":
        return f"teldatum {datum(point.peildatum)}"
    if soort == "schooljaar":
        return f"schooljaar {point.periode}"
    if soort == "kalenderjaar":
        return point.periode[:4]
    return datum(point.peildatum)


@register.filter
def periode_kort(point, soort: str) -> str:
    """A period in a few characters, for charts and summaries: '2024', '2024-25'."""
    return period_short(point, soort) if point is not None else ""


@register.filter
def periode_label(periode: str) -> str:
    """A period as stored: '2015-04-23' -> '23 april 2015', '2014-2015' -> 'schooljaar 2014-2015'."""
    text = str(periode or "")
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return datum(dt.date.fromisoformat(text))
    if len(text) == 9 and text[4] == "-":
        return f"schooljaar {text}"
    return text


@register.filter
def bytes_nl(value) -> str:
    """File sizes: 1536000 -> '1,5 MB'."""
    value = float(value or 0)
    for size, unit in ((1024**2, "MB"), (1024, "kB")):
        if value >= size:
            return f"{_grouped(value / size, 1)} {unit}"
    return f"{_grouped(value, 0)} bytes"


@register.filter
def komma_lijst(value: str) -> str:
    """'5595,6029' -> '5595, 6029'."""
    return ", ".join(part.strip() for part in (value or "").split(",") if part.strip())
