"""Large files are read row by row and written in batches (issue 18), and stay all or nothing: a problem
found in a late batch rolls back the batches written before it. Rows that repeat an earlier row exactly
are loaded once and reported once; rows that repeat a key with other values are refused with file, row
and column. What a run stores of its notices is capped."""

import pytest

from swv.importing import base, problems
from swv.importing import values as values_module
from swv.importing.problems import ImportRefused
from swv.importing.run import run_import
from swv.models import ImportRun, Waarde
from swv.services import sync
from tests.factories import SamenwerkingsverbandFactory
from tests.helpers import snapshot

pytestmark = pytest.mark.django_db

PERIODE = "2031-10-01"  # a teldatum no other test or data uses
HEADER = "swv_code;teldatum;leerlingen_totaal;leerlingen_bo_sbo;leerlingen_sbo"
PC4 = "swv-regio-indeling/swv_pc4_indeling_2015-04-23.csv"


@pytest.fixture
def swvs():
    return [swv.code for swv in SamenwerkingsverbandFactory.create_batch(12, sector="PO")]


def _line(code: str, total: int) -> str:
    return f"{code};{PERIODE};{total};{total};{total // 50}"


def _write(tmp_path, name: str, lines: list[str]):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def _import(path, **kwargs) -> ImportRun:
    return run_import(source_key="leerlingen", path=path, progress=False, **kwargs)


def _totals() -> dict[str, int]:
    stored = Waarde.objects.filter(indicator__code="leerlingen_totaal", periode=PERIODE, fictief=False)
    return {code: int(getal) for code, getal in stored.values_list("swv__code", "getal")}


def _refused(path) -> ImportRefused:
    before = snapshot()
    with pytest.raises(ImportRefused) as refused:
        _import(path)
    assert snapshot() == before, "a refused file leaves every table as it was"
    return refused.value


def test_repeated_identical_rows_are_loaded_once_and_reported_once(swvs, tmp_path):
    lines = [_line(code, 1000 + n) for n, code in enumerate(swvs[:3])]
    path = _write(tmp_path, "herhaald.csv", lines * 3)
    run = _import(path)
    assert _totals() == {code: 1000 + n for n, code in enumerate(swvs[:3])}
    repeats = [notice for notice in run.meldingen if "herhaalde identieke" in notice]
    assert len(repeats) == 1, run.meldingen
    assert repeats[0].startswith("6 herhaalde identieke rij(en) één keer geladen")
    assert "rij 5 = rij 2, rij 6 = rij 3, rij 7 = rij 4, rij 8 = rij 2, rij 9 = rij 3 …" in repeats[0]
    assert (run.rijen_gelezen, run.rijen_geladen, run.rijen_geweigerd) == (9, 3, 0)
    # The same content without the repeats is the same import: nothing changes.
    again = _import(_write(tmp_path, "zonder-herhaling.csv", lines))
    assert again.status == ImportRun.Status.ONGEWIJZIGD and again.wijzigingen == 0


def test_a_repeated_key_with_other_values_is_refused_with_row_and_column(swvs, tmp_path):
    path = _write(tmp_path, "tegenstrijdig.csv", [_line(swvs[0], 1000), _line(swvs[1], 2000), _line(swvs[0], 1001)])
    message = str(_refused(path))
    assert "tegenstrijdig.csv, rij 4, kolom 'teldatum': dubbele rij: dezelfde periode staat al op rij 2" in message


def test_a_problem_in_a_late_batch_rolls_back_the_batches_written_before_it(swvs, tmp_path, monkeypatch):
    _import(_write(tmp_path, "eerst.csv", [_line(code, 1000) for code in swvs]))
    monkeypatch.setattr(sync, "BATCH", 4)  # 12 SWV's x 4 values: a dozen batches
    written = []
    real_sync_rows = values_module.sync_rows

    def counting_sync_rows(*args, **kwargs):
        written.append(len(kwargs["desired"]))
        return real_sync_rows(*args, **kwargs)

    monkeypatch.setattr(values_module, "sync_rows", counting_sync_rows)
    corrected = [_line(code, 2000) for code in swvs]
    path = _write(tmp_path, "laat-fout.csv", [*corrected, _line(swvs[0], 3000)])
    message = str(_refused(path))
    assert f"laat-fout.csv, rij {len(swvs) + 2}, kolom 'teldatum': dubbele rij" in message
    assert len(written) > 5 and sum(written) >= 4 * len(swvs), "the corrections were written before the refusal"
    assert set(_totals().values()) == {1000}


def test_rows_read_again_from_the_file_give_the_same_import(swvs, tmp_path, monkeypatch):
    """Past CACHED_ROWS distinct rows a source's passes read the file again instead of holding it."""
    monkeypatch.setattr(base, "CACHED_ROWS", 2)
    monkeypatch.setattr(sync, "BATCH", 5)
    lines = [_line(code, 500 + n) for n, code in enumerate(swvs)]
    run = _import(_write(tmp_path, "gestroomd.csv", lines + lines[:4]))
    assert _totals() == {code: 500 + n for n, code in enumerate(swvs)}
    assert run.rijen_geladen == len(swvs)
    assert any(notice.startswith("4 herhaalde identieke") for notice in run.meldingen)
    monkeypatch.setattr(base, "CACHED_ROWS", 50_000)
    assert _import(_write(tmp_path, "in-geheugen.csv", lines)).wijzigingen == 0
    # A late problem is still found and still rolls everything back when the rows are read again.
    bad = _write(tmp_path, "gestroomd-fout.csv", [_line(code, 9) for code in swvs] + [_line(swvs[3], 10)])
    monkeypatch.setattr(base, "CACHED_ROWS", 2)
    assert f"rij {len(swvs) + 2}, kolom 'teldatum': dubbele rij" in str(_refused(bad))


def test_stored_notices_are_capped_with_a_count(swvs, tmp_path, monkeypatch):
    monkeypatch.setattr(problems, "MAX_NOTICES", 1)
    spelled = swvs[0][:2] + " " + swvs[0][2:4] + "-" + swvs[0][4:]  # PO2001 -> PO 20-01
    path = tmp_path / "titel.csv"
    path.write_text(
        f"Leerlingen per samenwerkingsverband\n{HEADER}\n{_line(spelled, 1200)}\n{_line(spelled, 1200)}\n",
        encoding="utf-8",
    )
    run = _import(path)
    assert len(run.meldingen) == 2
    assert run.meldingen[0].startswith("1 titelregel(s) boven de kopregel overgeslagen")
    assert run.meldingen[1] == "… en 2 meldingen meer"  # the spelling and the repeated row


def test_a_region_file_of_repeated_rows_is_the_same_indeling(real_data_dir, tmp_path):
    """The real PC4 bijlage three times over: the indeling already loaded, so nothing changes, and the
    repeats are one notice, not thousands."""
    header, *rows = (real_data_dir / PC4).read_text(encoding="utf-8").splitlines()
    path = tmp_path / PC4.split("/")[-1]
    path.write_text("\n".join([header, *rows, *rows, *rows]) + "\n", encoding="utf-8")
    run = run_import(source_key="regio_pc4", path=path, progress=False)
    assert run.status == ImportRun.Status.ONGEWIJZIGD and run.wijzigingen == 0
    repeats = [notice for notice in run.meldingen if "herhaalde identieke" in notice]
    assert len(repeats) == 1
    assert repeats[0].startswith(f"{problems.dutch_count(2 * len(rows))} herhaalde identieke rij(en)")
    assert f"rij {len(rows) + 2} = rij 2" in repeats[0]
    assert sum(len(notice) for notice in run.meldingen) < 5000
    # A PC4 repeated with another SWV at the end is still refused with its row and column.
    pc4, gemeente, po, vo = rows[0].split(",")
    other = next(r.split(",")[2] for r in rows if r.split(",")[2] not in (po, "Europoort"))
    path.write_text("\n".join([header, *rows, *rows, f"{pc4},{gemeente},{other},{vo}"]) + "\n", encoding="utf-8")
    before = snapshot()
    with pytest.raises(ImportRefused) as refused:
        run_import(source_key="regio_pc4", path=path, progress=False)
    assert snapshot() == before
    assert f"{path.name}, rij {2 * len(rows) + 2}, kolom 'pc4': PC4 {pc4} staat al op rij 2" in str(refused.value)


def test_rows_that_differ_in_a_column_no_importer_reads_are_no_repeats(swvs, tmp_path):
    path = tmp_path / "opmerking.csv"
    path.write_text(
        f"{HEADER};opmerking\n{_line(swvs[0], 1000)};eerste levering\n{_line(swvs[0], 1000)};gecorrigeerd\n",
        encoding="utf-8",
    )
    message = str(_refused(path))
    assert "opmerking.csv, rij 3, kolom 'teldatum': dubbele rij: dezelfde periode staat al op rij 2" in message
