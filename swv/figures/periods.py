"""Periods of figures: a label as the source writes it, a date to order and show it by, and how many a page shows."""

import datetime as dt
import re

from swv.figures.series import Point


def period_of(value, kind: str) -> tuple[str, dt.date]:
    if kind in {"teldatum", "datum"}:
        return value.isoformat(), value
    if kind == "schooljaar":
        start = int(value[:4])
        return value, dt.date(start, 10, 1)  # teldatum 1 oktober opens the school year's figures
    if kind == "jaar":
        return str(value), dt.date(int(value), 12, 31)
    raise ValueError(f"unknown period kind {kind!r}")


def is_period_label(text: str) -> bool:
    """Whether text is a period as the figures write it: a real date (2024-10-01), a school year
    (2023-2024, consecutive years) or a year (2023). '2023-13-01' and '0000-01-01' are not."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text).year >= 1900
        except ValueError:
            return False
    if re.fullmatch(r"\d{4}-\d{4}", text):
        start, end = int(text[:4]), int(text[5:])
        return 1900 <= start and end == start + 1
    return bool(re.fullmatch(r"\d{4}", text)) and int(text) >= 1900


# The periods a page shows per figure (table and chart): the latest ones. Every period is in the downloads,
# the API and on the figure's own page; so a page stays the same size however many years are loaded.
PERIODS_ON_PAGE = 10


def period_short(point: Point, soort: str, sep: str = "-") -> str:
    """A period as it fits under a chart: '2024' for a teldatum or calendar year, '2024-25' for a school year."""
    if soort == "schooljaar" and len(point.periode) >= 9 and point.periode[4] == "-":
        return f"{point.periode[:4]}{sep}{point.periode[7:9]}"
    if soort in ("teldatum", "peildatum"):
        return str(point.peildatum.year)
    return point.periode[:4]


class RecentHistory:
    """A figure's `history` as a page shows it: the latest PERIODS_ON_PAGE periods, and how many are left
    off (they are in the downloads)."""

    history: list

    @property
    def recent_history(self) -> list:
        return self.history[-PERIODS_ON_PAGE:]

    @property
    def earlier_periods(self) -> int:
        return max(0, len(self.history) - PERIODS_ON_PAGE)
