"""What an import keeps of a large file stays bounded: notices, problems and the encoding check."""

import pytest

from swv.importing import problems, readers
from swv.importing.problems import ImportRefused, ProblemCollector, capped_notices, dutch_count, listing


def test_dutch_count_groups_thousands_with_points():
    assert dutch_count(7) == "7"
    assert dutch_count(1234567) == "1.234.567"


def test_listing_names_examples_and_counts_the_rest():
    assert listing(["a", "b"]) == "a, b"
    text = listing([str(n) for n in range(1300)], limit=3)
    assert text == "0, 1, 2 … en 1.297 meer"


def test_notices_are_capped_with_a_count_of_what_was_left_out(monkeypatch):
    monkeypatch.setattr(problems, "MAX_NOTICES", 3)
    monkeypatch.setattr(problems, "MAX_NOTICE_CHARS", 40)
    notices = ["kort", "x" * 1000, *(f"melding {n}" for n in range(1235))]
    kept = capped_notices(notices)
    assert kept[0] == "kort"
    assert kept[1] == "x" * 40 + " … (960 tekens weggelaten)"
    assert kept[2] == "melding 0"
    assert kept[3] == "… en 1.234 meldingen meer"
    assert len(kept) == 4
    assert capped_notices(["een", "twee", "drie", "vier"])[-1] == "… en 1 melding meer"
    assert capped_notices(["een"]) == ["een"]


def test_a_collector_keeps_the_first_problems_and_counts_the_others(monkeypatch):
    monkeypatch.setattr(problems, "MAX_KEPT", 10)
    collector = ProblemCollector("groot.csv")
    for row in range(2, 1500):
        collector.add(row, "teldatum", "verwacht een datum")
    with pytest.raises(ImportRefused) as refused:
        collector.raise_if_any()
    assert len(refused.value.problems) == 10
    assert refused.value.problems[0].row == 2
    message = str(refused.value)
    assert "groot.csv, rij 2, kolom 'teldatum': verwacht een datum" in message
    assert "… en nog 1.488 fout(en)" in message


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of a few bytes, so letters of several bytes fall across chunk boundaries."""
    monkeypatch.setattr(readers, "CHUNK", 5)


def _table(path):
    table = readers.read_table(path)
    return table.header, list(table.rows)


def test_utf8_letters_across_chunk_boundaries_are_read_as_utf8(tmp_path, small_chunks):
    path = tmp_path / "namen.csv"
    path.write_text("gemeente;aantal\nSúdwest-Fryslân;3\nAa en Hunze;4\n's-Hertogenbosch é;5\n", encoding="utf-8")
    assert readers.detect_encoding(path) == "utf-8-sig"
    assert _table(path)[1] == [
        (2, ["Súdwest-Fryslân", "3"]),
        (3, ["Aa en Hunze", "4"]),
        (4, ["'s-Hertogenbosch é", "5"]),
    ]


def test_windows_1252_is_recognised_when_read_in_chunks(tmp_path, small_chunks):
    path = tmp_path / "namen.csv"
    path.write_bytes("gemeente;aantal\nSúdwest-Fryslân;3\n".encode("cp1252"))
    assert readers.detect_encoding(path) == "cp1252"
    assert _table(path)[1] == [(2, ["Súdwest-Fryslân", "3"])]


def test_a_file_mixing_encodings_is_refused_on_the_line_of_the_first_bad_byte(tmp_path, small_chunks):
    path = tmp_path / "gemengd.csv"
    path.write_bytes("gemeente;aantal\nSúdwest;3\nAa;4\n".encode() + "Fryslân;5\n".encode("cp1252"))
    with pytest.raises(ImportRefused) as refused:
        readers.read_table(path)
    problem = refused.value.problems[0]
    assert (problem.file, problem.row) == ("gemengd.csv", 4)
    assert "mengt UTF-8" in problem.message and "0xE2" in problem.message


def test_a_cut_off_last_row_is_refused_after_the_rows_before_it(tmp_path):
    path = tmp_path / "afgebroken.csv"
    path.write_text("a;b;c\n1;2;3\n4;5", encoding="utf-8")
    table = readers.read_table(path)
    rows = iter(table.rows)
    assert next(rows) == (2, ["1", "2", "3"])
    with pytest.raises(ImportRefused, match="rij 3: het bestand eindigt midden in een rij"):
        list(rows)


def test_rows_are_read_while_iterated_not_before(tmp_path):
    path = tmp_path / "regels.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    table = readers.read_table(path)
    assert not isinstance(table.rows, list)
    assert list(table.rows) == [(2, ["1", "2"])]
    assert list(table.rows) == []  # read once: a second pass reads the file again (Source.parse)
