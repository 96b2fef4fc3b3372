"""The figures engine's arithmetic and the Dutch notation of the pages: no database, no cache."""

import datetime as dt

import pytest

from swv.figures import aggregate, position, spread
from swv.templatetags import nl


def test_spread_uses_linear_quartiles():
    result = spread([1, 2, 3, 4, 5])
    assert (result.minimum, result.q1, result.median, result.q3, result.maximum) == (1, 2, 3, 4, 5)
    assert spread([]) is None


def test_position_counts_the_others_below_and_above():
    found = position(5, [1, 2, 3, 7])
    assert (found.lager, found.hoger, found.n) == (75, 25, 4)


def test_weighted_mean_uses_the_noemer():
    result = aggregate(
        aggregatie="gewogen", eenheden=3, numbers={1: 10.0, 2: 20.0}, texts={}, onderdrukt=0, noemer={1: 300, 2: 100}
    )
    assert result.waarde == pytest.approx(12.5)
    assert result.gemiddelde == pytest.approx(15)
    assert result.niet_aangeleverd == 1


def test_total_with_noemer_gives_a_share():
    result = aggregate(
        aggregatie="som", eenheden=2, numbers={1: 5.0, 2: 15.0}, texts={}, onderdrukt=1, noemer={1: 1000, 2: 1000}
    )
    assert result.waarde == 20 and result.aandeel == pytest.approx(1.0)
    assert result.niet_aangeleverd == 0


@pytest.mark.parametrize("aggregatie", ["som", "gewogen", "gemiddelde"])
def test_a_figure_does_not_depend_on_the_order_of_its_rows(aggregatie):
    """The database returns rows in no fixed order; a plain float sum would differ in its last digit."""
    numbers = {unit: value for unit, value in enumerate([0.1, 1e16, 2.3505832056781357, -1e16, 0.7, 33.3] * 5)}
    noemer = {unit: 10.0 + unit * 0.3 for unit in numbers}
    ranges = {100: (1.0, 4.0), 101: (0.1, 0.4)}
    results = {
        repr(aggregate(aggregatie=aggregatie, eenheden=40, texts={}, onderdrukt=2, **given))
        for order in (list(numbers), sorted(numbers, reverse=True), sorted(numbers, key=lambda u: numbers[u]))
        for given in (
            {"numbers": {u: numbers[u] for u in order}, "noemer": noemer},
            {"numbers": {u: numbers[u] for u in order}, "noemer": {**noemer, 100: 5.0, 101: 7.0}, "ranges": ranges},
        )
    }
    assert len(results) == 2


def test_distribution_keeps_catalogue_order_and_counts_shares():
    result = aggregate(
        aggregatie="verdeling",
        eenheden=4,
        numbers={},
        texts={1: "goed", 2: "voldoende", 3: "voldoende"},
        onderdrukt=0,
        categorieen=["onvoldoende", "voldoende", "goed"],
    )
    assert [(c, n) for c, n, _ in result.categorieen] == [("onvoldoende", 0), ("voldoende", 2), ("goed", 1)]
    assert result.niet_aangeleverd == 1


def test_sign_counts_positive_and_negative():
    result = aggregate(aggregatie="teken", eenheden=3, numbers={1: -5.0, 2: 3.0, 3: 0.0}, texts={}, onderdrukt=0)
    assert (result.positief, result.negatief, result.nul) == (1, 1, 1)


@pytest.mark.parametrize(
    "value, expected",
    [
        (nl.getal(1234567), "1.234.567"),
        (nl.getal(1234.56, 1), "1.234,6"),
        (nl.procent(3.44), "3,4%"),
        (nl.procent(0.0257), "0,03%"),
        (nl.euro(1234567), "€\u00a01.234.567"),
        (nl.euro_kort(10_900_000_000), "€\u00a010,9 miljard"),
        (nl.waarde(4.25, "jaren"), "4,2 jaar"),
        (nl.waarde(-1500, "euro"), "€\u00a0−1.500"),
        (nl.waarde(None, "aantal"), ""),
        (nl.datum(dt.date(2024, 10, 1)), "1 oktober 2024"),
        (nl.bytes_nl(1_572_864), "1,5 MB"),
    ],
)
def test_dutch_notation(value, expected):
    assert value == expected
