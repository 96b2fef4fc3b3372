"""Findings 2 and 8: suppression propagates. A sum with a <5 part is a range with status 'onderdrukt' and
bounds (never 0 'geleverd'); a percentage from a <5 count is a range; averages say how units with <5
enter, and the SWV page never compares a <5 with an average it was left out of without saying so."""

import re
from collections import defaultdict

import pytest

from swv.importing.run import run_import
from swv.models import Samenwerkingsverband, SwvGemeente, Waarde
from swv.services.links import current_indeling
from swv.templatetags.nl import waarde
from tests.helpers import api_figures, csv_figures, page_text

pytestmark = pytest.mark.django_db
SCHOOLJAAR = "2031-2032"


def _figure_block(html: str, code: str) -> str:
    start = html.index(f'id="cijfer-{code}"')
    return page_text(html[start : html.index('class="klopt"', start)])


def _whole_gemeente_swvs(sector: str) -> dict[Samenwerkingsverband, list]:
    """SWV's whose gemeenten all lie wholly in them, with those gemeenten (no apportioning involved)."""
    links = SwvGemeente.objects.filter(indeling=current_indeling(), sector=sector).select_related("swv", "gemeente")
    per_swv, partial = defaultdict(list), set()
    for link in links:
        per_swv[link.swv].append(link.gemeente)
        if link.deel != SwvGemeente.Deel.GEHEEL:
            partial.add(link.swv)
    return {swv: g for swv, g in per_swv.items() if swv not in partial and len(g) >= 2}


def _import(tmp_path, name, text, source):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return run_import(source_key=source, path=path, progress=False)


def _row(rows, indicator, periode):
    return next(r for r in rows if r["indicator"] == indicator and r["periode"] == periode)


def test_sum_with_a_suppressed_part_is_a_range_everywhere(real_data_dir, tmp_path, client):
    (small, small_gemeenten), (large, large_gemeenten) = list(_whole_gemeente_swvs("VO").items())[:2]
    lines = ["gemeente;schooljaar;absoluut_verzuim"]
    lines += [f"{g.code};{SCHOOLJAAR};{'<5' if i == 0 else '0'}" for i, g in enumerate(small_gemeenten)]
    lines += [f"{g.code};{SCHOOLJAAR};{'<5' if i == 0 else '1227'}" for i, g in enumerate(large_gemeenten)]
    _import(tmp_path, "verzuim-2031.csv", "\n".join(lines) + "\n", "verzuim")
    n_large = 1227 * (len(large_gemeenten) - 1)

    html = client.get(small.get_absolute_url()).content.decode()
    block = _figure_block(html, "verzuim_absoluut")
    assert "<5 (tussen 1 en 4" in block and "meegeteld als 1 tot 4" in block
    assert not re.search(r'class="figure__value">\s*0\s*<', html)
    for rows in (api_figures(client, small.code), csv_figures(client, small.code)):
        row = _row(rows, "verzuim_absoluut", SCHOOLJAAR)
        assert row["status"] == "onderdrukt" and row["waarde"] in (None, "")
        assert float(str(row["ondergrens"]).replace(",", ".")) == 1
        assert float(str(row["bovengrens"]).replace(",", ".")) == 4

    block = _figure_block(client.get(large.get_absolute_url()).content.decode(), "verzuim_absoluut")
    assert f"{n_large + 1:,}".replace(",", ".") in block and f"{n_large + 4:,}".replace(",", ".") in block
    row = _row(api_figures(client, large.code), "verzuim_absoluut", SCHOOLJAAR)
    assert (row["status"], row["ondergrens"], row["bovengrens"]) == ("onderdrukt", n_large + 1, n_large + 4)

    # The national total (every gemeente in the file) is a range too, never '0 in totaal'.
    national = [
        r
        for r in client.get("/downloads/landelijk.json").json()["rijen"]
        if r["indicator"] == "verzuim_absoluut" and r["periode"] == SCHOOLJAAR and r["groep"] == "gemeenten"
    ]
    assert national and national[0]["waarde"] is None
    assert (national[0]["ondergrens"], national[0]["bovengrens"]) == (n_large + 2, n_large + 8)


def test_percentage_from_a_suppressed_count_is_a_range(real_data_dir, tmp_path, client):
    swv = Samenwerkingsverband.objects.filter(sector="PO").order_by("code").first()
    _import(
        tmp_path,
        "leerlingen-2031.csv",
        f"swv_code;teldatum;leerlingen_totaal;leerlingen_bo_sbo;leerlingen_sbo\n{swv.code};2031-10-01;20500;20000;<5\n",
        "leerlingen",
    )
    stored = Waarde.objects.get(swv=swv, periode="2031-10-01", indicator__code="deelname_sbo")
    assert stored.status == Waarde.Status.ONDERDRUKT and stored.getal is None
    assert (float(stored.ondergrens), float(stored.bovengrens)) == (0.005, 0.02)
    block = _figure_block(client.get(swv.get_absolute_url()).content.decode(), "deelname_sbo")
    assert "tussen 1 en 4" not in block and "0,01% tot 0,02%" in block
    row = _row(api_figures(client, swv.code), "deelname_sbo", "2031-10-01")
    assert (row["status"], row["ondergrens"], row["bovengrens"]) == ("onderdrukt", 0.005, 0.02)


def test_average_says_how_suppressed_units_enter(real_data_dir, tmp_path, client):
    swvs = list(Samenwerkingsverband.objects.filter(sector="PO").order_by("code"))
    cells = ["<5" if i % 3 == 0 else ("0" if i % 3 == 1 else "20") for i in range(len(swvs))]
    lines = ["swv_code;jaar;geschillen"] + [f"{s.code};2031;{c}" for s, c in zip(swvs, cells, strict=True)]
    _import(tmp_path, "geschillen-2031.csv", "\n".join(lines) + "\n", "geschillen")
    exact = [int(c) for c in cells if c != "<5"]
    suppressed = cells.count("<5")
    low = (sum(exact) + suppressed) / len(cells)
    high = (sum(exact) + 4 * suppressed) / len(cells)
    biased = sum(exact) / len(exact)
    assert biased > high, "leaving <5 out while zeros stay in pushes the average up"

    page = client.get(swvs[0].get_absolute_url()).content.decode()  # an SWV with <5
    block = _figure_block(page, "geschillen")
    assert "<5" in block
    fmt = lambda x: f"{x:.1f}".replace(".", ",")  # noqa: E731
    assert f"{fmt(low)} tot {fmt(high)}" in block
    assert f"{suppressed} samenwerkingsverbanden met <5" in block and "als 1 tot 4" in block
    assert f": {waarde(biased, 'aantal')}" not in block  # the biased mean is not what the page says
