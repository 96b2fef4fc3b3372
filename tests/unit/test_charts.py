"""The server-side charts: a time series people can read (years on the axis, values at the points) and a
spread chart that says in words where the middle half lies."""

import pytest

from swv.figures.charts import line_chart


def test_time_series_has_every_period_on_the_axis_and_values_at_the_points():
    chart = line_chart(
        [("2021", 14618.0, 24400.0), ("2022", 14683.0, 24450.0), ("2023", 14674.0, None), ("2024", 14750.0, 24472.0)]
    )
    assert [p["label"] for p in chart["periods"]] == ["2021", "2022", "2023", "2024"]
    assert [d["value"] for d in chart["dots"] if d["label"]] == [14618.0, 14683.0, 14674.0, 14750.0]
    xs = [p["x"] for p in chart["periods"]]
    assert xs == sorted(xs) and xs[0] >= 0 and xs[-1] <= chart["width"]
    # a higher value sits higher (smaller y), and every point stays inside the drawing
    ys = {d["value"]: d["y"] for d in chart["dots"]}
    assert ys[14750.0] < ys[14618.0]
    assert all(0 < d["label_y"] < d["y"] < chart["axis_y"] for d in chart["dots"])
    assert len(chart["average"].split()) == 3  # the sector's average skips the period it lacks


def test_long_series_labels_only_first_and_last_value():
    rows = [(str(2015 + i), float(i), None) for i in range(8)]
    chart = line_chart(rows)
    assert [d["value"] for d in chart["dots"] if d["label"]] == [0.0, 7.0]
    assert len(chart["periods"]) == 8


def test_values_crossing_zero_get_a_zero_line():
    chart = line_chart([("2022", -5.0, None), ("2023", 10.0, None)])
    assert chart["zero_y"] is not None
    assert line_chart([("2022", 5.0, None), ("2023", 10.0, None)])["zero_y"] is None


@pytest.mark.parametrize("rows", [[("2024", 1.0, 2.0)], [("2023", None, 1.0), ("2024", 1.0, 2.0)]])
def test_no_chart_for_fewer_than_two_own_values(rows):
    assert line_chart(rows) is None
