"""Geometry of the small server-side SVG charts, in % of the drawing width (no JavaScript needed)."""

from swv.figures.statistics import Spread

MIN_UNITS = 5  # a spread of fewer values says nothing a sentence cannot


def box_plot(spread: Spread | None, *, own: float | None = None) -> dict | None:
    """Min, quartiles and max of a spread, optionally one value marked; None when a chart would not help."""
    if spread is None or spread.n < MIN_UNITS or spread.maximum == spread.minimum:
        return None
    low, high = spread.minimum, spread.maximum  # the scale labels name these two ends
    if own is not None:
        low, high = min(low, own), max(high, own)
    span = high - low

    def x(value: float) -> float:
        return round(2 + 96 * (value - low) / span, 2)

    return {
        "min": x(spread.minimum),
        "q1": x(spread.q1),
        "median": x(spread.median),
        "q3": x(spread.q3),
        "max": x(spread.maximum),
        "box": round(x(spread.q3) - x(spread.q1), 2),
        "own": x(own) if own is not None else None,
        "spread": spread,
    }


def line_chart(rows: list[tuple[float | None, float | None]]) -> dict | None:
    """Two lines over the periods (this unit, the sector average) as SVG polyline points in a 100x30 box."""
    values = [v for row in rows for v in row if v is not None]
    own = [(i, row[0]) for i, row in enumerate(rows) if row[0] is not None]
    if len(rows) < 2 or len(own) < 2 or not values:
        return None
    low, high = min(min(values), 0), max(values)
    span = (high - low) or 1
    step = 96 / (len(rows) - 1)

    def points(pairs):
        return " ".join(f"{2 + i * step:.2f},{28 - 26 * (v - low) / span:.2f}" for i, v in pairs)

    average = [(i, row[1]) for i, row in enumerate(rows) if row[1] is not None]
    return {"own": points(own), "average": points(average) if len(average) > 1 else ""}
