"""The same content in another dialect gives exactly the same database: every example file in every
dialect of tests/dialects.py (encodings, delimiters, line ends, quoting, header spellings, column order,
title lines, notes and totals below, codes, numbers and dates in other spellings, workbooks), every real
file in a few dialects at once, and the real files' own quirks."""

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from swv.importing.base import Source
from swv.importing.problems import ImportRefused
from swv.importing.registry import detect_source
from swv.importing.run import run_import
from swv.importing.templates import template_sources
from swv.models import ImportRun, Samenwerkingsverband, Vestiging, Waarde
from tests.dialects import COMBINED, DIALECTS, SITE_EXAMPLE, Sheet, example_sheet, how_written, real_files
from tests.helpers import snapshot

pytestmark = pytest.mark.django_db

DUO_BO = "duo-adressen/alle-vestigingen-bo_2020-12.csv"
VSV = "duo-vsv-per-swv/vsv-per-swv-2015.csv"
PC4 = "swv-regio-indeling/swv_pc4_indeling_2015-04-23.csv"


def _rows(path: Path, encoding: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode(encoding), newline=""), delimiter=delimiter))


def _write_portal_style(rows: list[list[str]], target: Path) -> Path:
    """DUO's newer portal export: UTF-8 with a byte order mark, ',' and every field quoted."""
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=",", quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    target.write_bytes(out.getvalue().encode("utf-8-sig"))
    return target


def _import(source: str, path: Path) -> ImportRun:
    return run_import(source_key=source, path=path, progress=False)


def test_duo_file_as_cp1252_semicolon_and_as_utf8_bom_comma_quoted_gives_identical_database(real_data_dir, tmp_path):
    original = real_data_dir / DUO_BO
    assert b"\x92" in original.read_bytes() or b"\xeb" in original.read_bytes(), "the real file is Windows-1252"
    as_published = _import("duo_vestigingen_bo", original)  # already loaded by the session: a no-op
    assert as_published.status == ImportRun.Status.ONGEWIJZIGD
    fingerprint = snapshot()

    rows = _rows(original, "cp1252", ";")
    assert any("," in cell for row in rows for cell in row), "quoting matters: some cells contain a comma"
    portal = _write_portal_style(rows, tmp_path / "alle-vestigingen-bo-portal.csv")
    run = _import("duo_vestigingen_bo", portal)
    assert run.status == ImportRun.Status.ONGEWIJZIGD and run.rijen_geladen == len(rows) - 1
    assert snapshot() == fingerprint

    # The comparison is sharp: one changed name in the same dialect is one change.
    rows[5][4] = rows[5][4] + " (nieuw)"
    changed = _import("duo_vestigingen_bo", _write_portal_style(rows, tmp_path / "alle-vestigingen-bo-edit.csv"))
    assert changed.status == ImportRun.Status.GELUKT and changed.wijzigingen == 1
    assert Vestiging.objects.get(brin6=rows[5][3]).naam.endswith(" (nieuw)")


def test_title_line_above_the_header_is_skipped_with_a_notice(real_data_dir, tmp_path):
    before = snapshot()
    path = tmp_path / "alle-vestigingen-bo-titel.csv"
    title = "Adressen alle vestigingen basisonderwijs;Peildatum:;1-12-2020;;\r\n\r\n".encode("cp1252")
    path.write_bytes(title + (real_data_dir / DUO_BO).read_bytes())
    run = _import("duo_vestigingen_bo", path)
    assert run.status == ImportRun.Status.ONGEWIJZIGD
    assert snapshot() == before
    assert any("titelregel" in notice and "Peildatum" in notice for notice in run.meldingen)


def test_tab_separated_indeling_is_the_same_indeling(real_data_dir, tmp_path):
    before = snapshot()
    path = tmp_path / "swv_pc4_indeling_2015-04-23.csv"
    rows = _rows(real_data_dir / PC4, "utf-8", ",")
    path.write_text("\n".join("\t".join(row) for row in rows) + "\n", encoding="utf-8")
    assert _import("regio_pc4", path).status == ImportRun.Status.ONGEWIJZIGD
    assert snapshot() == before


def test_swv_codes_in_other_spellings_are_read_with_a_notice(real_data_dir, tmp_path):
    before = snapshot()
    rows = _rows(real_data_dir / VSV, "utf-8", ";")
    spellings = ["VO 20-01", "V0 2001", "VO-20-01", "VO 20.01", "v02001"]
    changed_rows = []
    for number, row in enumerate(rows[1:], start=2):
        code = row[0]
        if code.startswith("VO") and code != "VO0001" and len(changed_rows) < len(spellings):
            spelling = spellings[len(changed_rows)]
            row[0] = spelling.replace("20", code[2:4], 1).replace("01", code[4:6], 1)
            changed_rows.append((number, row[0], code))
    path = _write_portal_style(rows, tmp_path / "vsv-per-swv-2015.csv")
    run = _import("duo_vsv", path)
    assert run.status == ImportRun.Status.ONGEWIJZIGD
    assert snapshot() == before
    notice = next(n for n in run.meldingen if "schrijfwijze" in n)
    for number, raw, code in changed_rows:
        assert f"{raw!r} als {code} (rij {number}" in notice


def test_template_xlsx_with_title_rows_and_zero_for_o(real_data_dir, tmp_path):
    swv = Samenwerkingsverband.objects.filter(sector="PO").order_by("code").first()
    written = f"P0 {swv.code[2:4]}-{swv.code[4:]}"
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Leerlingen per samenwerkingsverband", None, None])
    sheet.append(["Bron: eigen telling", None, None])
    sheet.append(["swv_code", "teldatum", "leerlingen_totaal"])
    sheet.append([written, "2031-10-01", 1234])
    path = tmp_path / "leerlingen-2031.xlsx"
    workbook.save(path)
    run = _import("leerlingen", path)
    assert run.status == ImportRun.Status.GELUKT
    stored = Waarde.objects.get(swv=swv, periode="2031-10-01", indicator__code="leerlingen_totaal")
    assert stored.getal == 1234
    assert any("titelregel" in n for n in run.meldingen)
    assert any(f"'{written}' als {swv.code} (rij 4)" in n for n in run.meldingen)


def test_file_mixing_utf8_and_cp1252_is_refused_with_the_line(real_data_dir, tmp_path):
    path = tmp_path / "alle-vestigingen-bo-gemengd.csv"
    lines = (real_data_dir / DUO_BO).read_bytes().split(b"\n")
    assert any(byte > 0x7F for byte in b"".join(lines[3:])), "the rest of the file is Windows-1252"
    cells = lines[2].split(b";")
    cells[4] += " Café".encode()  # one name pasted in from a UTF-8 document
    lines[2] = b";".join(cells)
    mixed = b"\n".join(lines)
    path.write_bytes(mixed)
    before = snapshot()
    with pytest.raises(ImportRefused) as refused:
        _import("duo_vestigingen_bo", path)
    assert "mengt UTF-8" in str(refused.value) and path.name in str(refused.value)
    assert snapshot() == before


def test_unrecognised_header_names_delimiters_and_first_line(real_data_dir, tmp_path):
    path = tmp_path / "alle-vestigingen-bo_2020-12.csv"
    shutil.copyfile(real_data_dir / DUO_BO, path)
    path.write_bytes(path.read_bytes().replace(b";", b"#"))
    with pytest.raises(ImportRefused) as refused:
        _import("duo_vestigingen_bo", path)
    message = str(refused.value)
    assert "rij 1: geen kopregel herkend" in message and "';' of ',' of tab of '|'" in message
    assert "'PROVINCIE#BEVOEGD GEZAG NUMMER#" in message


# --- every source, every dialect ---------------------------------------------------------------------


def _write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def _differences(source: Source, sheet: Sheet, original: dict, variants: dict, folder: Path, stem: str) -> list[str]:
    """Each variant imported after the original: what went otherwise than 'ongewijzigd', recognised as the
    same source by load_all, and the same database at the end (one fingerprint for all: a variant that
    changed something shows there, also when its run did not count it)."""
    before = snapshot()
    found = []
    for name, variant in variants.items():
        made = variant(source, sheet, original)
        if made is None:
            continue  # nothing in this file to write otherwise
        data, suffix = made
        path = _write(folder / re.sub(r"\W+", "-", name), f"{stem}{suffix}", data)
        detected = detect_source(path).source
        if detected is None or detected.key != source.key:
            found.append(f"{name}: load_all herkent het bestand als {detected.key if detected else 'niets'}")
        try:
            run = run_import(source_key=source.key, path=path, progress=False)
        except ImportRefused as refused:
            found.append(f"{name}: geweigerd: {refused}")
            continue
        if run.status != ImportRun.Status.ONGEWIJZIGD:
            found.append(f"{name}: {run.status} met {run.wijzigingen} wijziging(en)")
    if snapshot() != before:
        found.append("de database is veranderd")
    return found


@pytest.mark.parametrize("source", template_sources(), ids=lambda s: s.key)
def test_an_example_file_in_every_dialect_gives_the_same_database(tmp_path, source):
    sheet = example_sheet(source)
    path = _write(tmp_path / "voorbeeld", f"{source.key}-voorbeeld.csv", sheet.csv(**SITE_EXAMPLE))
    first = run_import(source_key=source.key, path=path, progress=False)
    assert first.status == ImportRun.Status.GELUKT and first.rijen_geladen == 1
    problems = _differences(source, sheet, SITE_EXAMPLE, DIALECTS, tmp_path, f"{source.key}-voorbeeld")
    assert not problems, "\n".join(problems)


@pytest.mark.realdata
@pytest.mark.parametrize(("source", "path"), real_files())
def test_a_real_file_in_other_dialects_gives_the_same_database(tmp_path, source, path):
    """Many dialect changes in one file at a time (the pupil files take seconds per import)."""
    sheet = Sheet.from_file(path, source)
    original = {**how_written(path), "delimiter": ";"}
    problems = _differences(source, sheet, original, COMBINED, tmp_path, path.stem)
    assert not problems, "\n".join(problems)


def test_boundaries_in_other_encodings_and_layouts_are_the_same_boundaries(real_data_dir, tmp_path):
    source = real_data_dir / "cbs-gemeentegrenzen" / "gemeente_2023.geojson"
    text = source.read_text(encoding="utf-8")
    assert "Súdwest-Fryslân" in text, "the file has letters to get wrong"
    pretty = json.dumps(json.loads(text), indent=2, ensure_ascii=False).replace("\n", "\r\n")
    before = snapshot()
    for name, data in {
        "utf-8-bom": text.encode("utf-8-sig"),
        "utf-16": text.encode("utf-16"),
        "windows-1252": text.encode("cp1252"),
        "pretty-crlf": pretty.encode(),
    }.items():
        path = _write(tmp_path / name, source.name, data)
        assert run_import(source_key="cbs_gemeentegrenzen", path=path, progress=False).status == (
            ImportRun.Status.ONGEWIJZIGD
        ), name
    assert snapshot() == before
