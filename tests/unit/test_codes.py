"""How the sector writes codes, postcodes, sectors and suppressed counts, read back in one place."""

from decimal import Decimal

import pytest

from swv.codes import (
    SUPPRESSED,
    gemeente_code,
    normalize_name,
    normalize_postcode,
    normalize_swv_code,
    parse_pc4,
    place_qualifier,
    swv_codes_in,
)
from swv.importing.fields import PARSERS
from swv.models import Sector


@pytest.mark.parametrize(
    "raw", ["PO3009", "PO 30-09", "PO-30-09", "PO 30.09", "P0 3009", "p0-30-09", "SWV PO 30 09", " po3009 "]
)
def test_normalize_swv_code_reads_every_spelling(raw):
    assert normalize_swv_code(raw) == "PO3009"


@pytest.mark.parametrize("raw", ["PX3009", "PO300", "O 3009", "PO30099", "3009", "PP3009", "Europoort"])
def test_normalize_swv_code_refuses_what_is_not_a_code(raw):
    assert normalize_swv_code(raw) is None


@pytest.mark.parametrize(
    "raw, expected", [("GM0363", "GM0363"), ("0363", "GM0363"), ("363", "GM0363"), ("gm0014", "GM0014")]
)
def test_gemeente_code_reads_cbs_codes_with_or_without_prefix(raw, expected):
    assert gemeente_code(raw) == expected


@pytest.mark.parametrize("raw", ["GM12345", "Amsterdam", ""])
def test_gemeente_code_refuses_what_is_not_a_code(raw):
    assert gemeente_code(raw) is None


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("5504", "5504"),
        ("5504 AB", "5504"),
        (" 5504ab ", "5504"),
        ("5504-AB", "5504"),
        ("5504 - ab", "5504"),
        ("5504 a b", "5504"),
        ("NL-5504 AB", "5504"),
        ("nl 5504AB", "5504"),
        ("550", None),
        ("0504", None),  # no Dutch postcode starts with a 0
        ("5504 ABC", None),
        ("55 04", None),
    ],
)
def test_pc4_from_a_postcode(raw, expected):
    assert parse_pc4(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("PO 30-09", ["PO3009"]),
        ("po3009", ["PO3009"]),
        ("SWV VO 23.01", ["VO2301"]),
        ("SWV-PO-30-09", ["PO3009"]),
        ("swv: po 30 09", ["PO3009"]),
        ("P.O. 30-09", ["PO3009"]),
        ("PO 30/09", ["PO3009"]),
        ("30-09", ["PO3009", "VO3009"]),  # the number alone: the PO and the VO SWV
        ("30.09", ["PO3009", "VO3009"]),
        ("SWV 30 09", ["PO3009", "VO3009"]),
        ("3009", []),  # a postcode
        ("5504 AB", []),
        ("Eindhoven", []),
        ("PO 30-09-1", []),
    ],
)
def test_swv_codes_in_what_people_type(raw, expected):
    assert swv_codes_in(raw) == expected


@pytest.mark.parametrize(
    "name, gemeente, expected",
    [
        ("ede gld", "", ("ede", "gld")),
        ("bergen nh", "", ("bergen", "nh")),
        ("hengelo o", "", ("hengelo", "ov")),
        ("beek l", "", ("beek", "lb")),
        ("beek gem montferland", "montferland", ("beek", "")),
        ("hoogvliet rotterdam", "rotterdam", ("hoogvliet", "")),
        ("oudega sudwest fryslan", "sudwest fryslan", ("oudega", "")),
        ("oude pekela", "pekela", ("oude pekela", "")),  # the gemeente is part of the name
        ("broek in waterland", "waterland", ("broek in waterland", "")),
        ("west terschelling", "terschelling", ("west terschelling", "")),
        ("midden groningen", "", ("midden groningen", "")),  # a province spelled out is part of a name
        ("oss", "", ("oss", "")),
        ("l", "", ("l", "")),
    ],
)
def test_place_qualifier_reads_how_duo_and_cbs_tell_same_named_places_apart(name, gemeente, expected):
    assert place_qualifier(name, gemeente=gemeente) == expected


def test_a_query_may_spell_the_province_out():
    assert place_qualifier("bergen noord holland", spelled_out=True) == ("bergen", "nh")
    assert place_qualifier("hengelo gelderland", spelled_out=True) == ("hengelo", "gld")


def test_place_names_compare_without_accents_case_hyphens_or_suffix():
    assert normalize_name("Súdwest-Fryslân") == normalize_name("sudwest fryslan")
    assert normalize_name("Bergen (L.)") == "bergen"
    assert normalize_name("Bergen (L.)", keep_suffix=True) != normalize_name("Bergen (NH.)", keep_suffix=True)


@pytest.mark.parametrize(
    "raw, expected", [("po", "PO"), ("VO", "VO"), (" vo ", "VO"), ("mbo", None), ("", None), (None, None)]
)
def test_sector_from_a_url_or_query(raw, expected):
    assert Sector.parse(raw) == expected


@pytest.mark.parametrize("raw", ["<5", "< 5", "1-4"])
def test_a_count_published_as_less_than_five_stays_suppressed(raw):
    assert PARSERS["count"](raw) is SUPPRESSED


def test_dutch_numbers_are_read_as_written():
    assert PARSERS["decimal"]("1.234,5") == Decimal("1234.5")


@pytest.mark.parametrize(
    "raw", ["2023-2024", "2023/2024", "2023/24", "23/24", "23-24", "2023 – 2024", "schooljaar 2023-2024"]
)
def test_a_school_year_is_read_in_every_spelling(raw):
    assert PARSERS["schooljaar"](raw) == "2023-2024"


@pytest.mark.parametrize("raw", ["2023-2025", "2023", "23/25", "2023-13"])
def test_what_is_no_school_year_is_refused(raw):
    with pytest.raises(ValueError, match="schooljaar"):
        PARSERS["schooljaar"](raw)


@pytest.mark.parametrize(
    "raw",
    ["2023-10-01", "1-10-2023", "01-10-2023", "01/10/2023", "1/10/2023", "20231001", "1.10.2023", "2023/10/01"]
    + ["1 oktober 2023", "1 okt. 2023", "2023-10-01 00:00:00", "2023-10-01T00:00:00"],
)
def test_a_date_is_read_in_every_spelling(raw):
    assert PARSERS["date"](raw).isoformat() == "2023-10-01"


@pytest.mark.parametrize("raw", ["31-02-2023", "1 brumaire 2023", "2023-10", "10/01"])
def test_what_is_no_date_is_refused(raw):
    with pytest.raises(ValueError, match="datum"):
        PARSERS["date"](raw)


@pytest.mark.parametrize("raw", ["1234", "1.234", "1 234", "1\u00a0234", "1\u202f234", "1234,0", "1.234,00"])
def test_a_count_is_read_with_any_thousands_separator(raw):
    assert PARSERS["count"](raw) == 1234


@pytest.mark.parametrize("raw", ["12,5", "12.5", "12,50", "+12,5"])
def test_a_decimal_is_read_with_a_comma_or_a_point(raw):
    assert PARSERS["decimal"](raw) == Decimal("12.5")


@pytest.mark.parametrize("raw", ["GM0363", "GM 0363", "gm0363", "0363", "363", " 363"])
def test_gemeente_code_in_every_spelling(raw):
    assert gemeente_code(raw) == "GM0363"


@pytest.mark.parametrize("raw", ["7822HG", "7822 HG", "7822hg", " 7822  hg ", "7822-HG", "NL-7822 HG"])
def test_a_postcode_is_written_as_duo_writes_it(raw):
    assert normalize_postcode(raw) == "7822 HG"
