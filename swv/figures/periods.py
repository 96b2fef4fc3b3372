"""Periods of figures: a label as the source writes it and a date to order and show it by."""

import datetime as dt


def period_of(value, kind: str) -> tuple[str, dt.date]:
    if kind in {"teldatum", "datum"}:
        return value.isoformat(), value
    if kind == "schooljaar":
        start = int(value[:4])
        return value, dt.date(start, 10, 1)  # teldatum 1 oktober opens the school year's figures
    if kind == "jaar":
        return str(value), dt.date(int(value), 12, 31)
    raise ValueError(f"unknown period kind {kind!r}")
