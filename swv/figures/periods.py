"""Periods of figures: a label as the source writes it and a date to order and show it by."""

import datetime as dt
import re


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
