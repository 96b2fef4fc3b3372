"""Geometry of the small server-side SVG charts, in % of the drawing width (no JavaScript needed)."""

from swv.figures.statistics import Spread

NUMERIC = {"aantal", "procent", "euro", "jaren"}  # the units a chart can draw
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


# The time series is drawn in a fixed coordinate box so its text keeps its shape at any width.
TREND_WIDTH, TREND_HEIGHT = 320, 132
_LEFT, _RIGHT, _TOP, _BOTTOM = 14, 14, 20, 24  # room for the value labels above and the years below
ALL_LABELS_UP_TO = 4  # more periods than this: only the first and last value are written on the chart


def line_chart(rows: list[tuple[str, float | None, float | None]]) -> dict | None:
    """This unit and its sector's average over the periods, with the periods on the axis and this unit's
    values written at its points. `rows` are (period label, own value, average) in time order."""
    values = [v for _, own, avg in rows for v in (own, avg) if v is not None]
    own_points = [(i, row[1]) for i, row in enumerate(rows) if row[1] is not None]
    if len(rows) < 2 or len(own_points) < 2 or not values:
        return None
    # The scale fits the values (not from zero, which flattens every change of a few percent); the values
    # are written at the points, so nobody has to read them off an axis.
    low, high = min(values), max(values)
    pad = (high - low) * 0.15 or abs(high) * 0.1 or 1
    low, high = low - pad, high + pad
    span = high - low
    inner_w = TREND_WIDTH - _LEFT - _RIGHT
    inner_h = TREND_HEIGHT - _TOP - _BOTTOM
    step = inner_w / (len(rows) - 1)

    def x(i: int) -> float:
        return round(_LEFT + i * step, 1)

    def y(value: float) -> float:
        return round(_TOP + inner_h * (high - value) / span, 1)

    def points(pairs) -> str:
        return " ".join(f"{x(i)},{y(v)}" for i, v in pairs)

    def anchor(i: int) -> str:
        return "start" if i == 0 else "end" if i == len(rows) - 1 else "middle"

    labelled = {i for i, _ in own_points} if len(rows) <= ALL_LABELS_UP_TO else {own_points[0][0], own_points[-1][0]}
    average = [(i, row[2]) for i, row in enumerate(rows) if row[2] is not None]
    return {
        "width": TREND_WIDTH,
        "height": TREND_HEIGHT,
        "own": points(own_points),
        "average": points(average) if len(average) > 1 else "",
        "dots": [
            {"x": x(i), "y": y(v), "value": v, "label": i in labelled, "anchor": anchor(i), "label_y": y(v) - 7}
            for i, v in own_points
        ],
        "periods": [{"x": x(i), "label": row[0], "anchor": anchor(i)} for i, row in enumerate(rows)],
        "axis_y": TREND_HEIGHT - _BOTTOM,
        "zero_y": y(0) if low < 0 < high else None,  # a line at zero when the values cross it
        "axis_x1": _LEFT,
        "axis_x2": TREND_WIDTH - _RIGHT,
        "period_y": TREND_HEIGHT - 6,
    }


def bar_series(rows: list[tuple[str, float | None]]) -> dict | None:
    """Bars per period with the period written under each bar (years on the axis), in a 100x40 box;
    None with fewer than two values (a single value reads better as a number)."""
    values = [v for _, v in rows if v is not None]
    if len(values) < 2:
        return None
    high = max(values) or 1
    width = 96 / len(rows)
    bars = []
    for i, (label, value) in enumerate(rows):
        height = 0 if value is None else round(28 * value / high, 2)
        bars.append(
            {
                "x": round(2 + i * width + width * 0.15, 2),
                "width": round(width * 0.7, 2),
                "y": round(30 - height, 2),
                "height": height,
                "mid": round(2 + i * width + width / 2, 2),
                "label": label,
                "value": value,
            }
        )
    return {"bars": bars}
