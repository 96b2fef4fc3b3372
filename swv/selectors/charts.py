"""Geometry of the small server-side SVG charts, in % of the drawing width (no JavaScript needed)."""

from swv.selectors.statistics import Spread

MIN_UNITS = 5  # a spread of fewer values says nothing a sentence cannot


def box_plot(spread: Spread | None, *, own: float | None = None) -> dict | None:
    """Min, quartiles and max of a spread, optionally one value marked; None when a chart would not help."""
    if spread is None or spread.n < MIN_UNITS or spread.maximum == spread.minimum:
        return None
    low, high = min(spread.minimum, 0), spread.maximum
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
