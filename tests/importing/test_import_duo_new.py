"""The DUO files of DATA_NEW_DIR (pupils, BRON, annual accounts, funding, leerplicht), loaded with DATA_DIR
once for the session by conftest, checked against the raw files read independently with pandas."""

import csv
from io import StringIO
from pathlib import Path

import pandas as pd
import pytest
from django.core.management import call_command

from swv.importing.registry import detect_source
from swv.importing.run import run_import
from swv.models import ImportRun, Indicator, Leerlingtelling, Samenwerkingsverband, Waarde
from tests.helpers import snapshot

pytestmark = pytest.mark.django_db

PO_2016 = "duo-leerlingen-po/01.-leerlingen-po-soort-po,-cluster,-leeftijd-2016-2017.csv"


def _value(code: str, swv: str, periode: str):
    return Waarde.objects.get(indicator__code=code, swv__code=swv, periode=periode)


def _pc4_indeling(real_data_dir) -> dict[str, tuple[str, str]]:
    table = pd.read_csv(next(real_data_dir.rglob("swv_pc4_indeling_*.csv")), dtype=str)
    return {r.pc4: (r.po_swv, r.vo_swv) for r in table.itertuples()}


def test_pupils_per_soort_and_participation_by_location_match_the_raw_file(real_data_new_dir, real_data_dir):
    raw = pd.read_csv(real_data_new_dir / PO_2016, sep=";", encoding="latin-1", dtype={"POSTCODE_VESTIGING": str})
    regions = _pc4_indeling(real_data_dir)
    raw["po_swv"] = raw.POSTCODE_VESTIGING.str[:4].map(lambda pc4: regions.get(pc4, (None, None))[0])
    kempen = {k: int(v) for k, v in raw[raw.po_swv == "PO3009"].groupby("SOORT_PO").TOTAAL.sum().items()}
    assert _value("leerlingen_bo", "PO3009", "2016-10-01").getal == kempen["Bo"]
    assert _value("leerlingen_sbo", "PO3009", "2016-10-01").getal == kempen["Sbo"]
    assert _value("leerlingen_so", "PO3009", "2016-10-01").getal == kempen["So"]
    expected = round(100 * kempen["Sbo"] / (kempen["Bo"] + kempen["Sbo"]), 4)
    assert float(_value("deelname_sbo", "PO3009", "2016-10-01").getal) == pytest.approx(expected, abs=1e-4)
    # Every pupil of the file is either in an SWV or reported as outside every region.
    stored = Waarde.objects.filter(indicator__code="leerlingen_bo", periode="2016-10-01", fictief=False)
    assert sum(w.getal for w in stored) == int(raw[raw.SOORT_PO == "Bo"].TOTAAL.sum()) == 1_427_453


def test_po_series_2015_2016_2019_are_real_for_every_po_swv(real_data_new_dir):
    for code in ("leerlingen_bo", "leerlingen_sbo", "leerlingen_so", "deelname_sbo", "deelname_so"):
        values = Waarde.objects.filter(indicator__code=code, swv__sector="PO")
        assert not values.filter(fictief=True).exists()
        assert set(values.values_list("periode", flat=True)) == {"2015-10-01", "2016-10-01", "2019-10-01"}
        assert values.count() == 3 * 76


def test_aanbod_is_counted_from_duos_vestigingen_per_region(real_data_new_dir, real_data_dir):
    raw = pd.read_csv(
        real_data_new_dir / PO_2016,
        sep=";",
        encoding="latin-1",
        dtype={"POSTCODE_VESTIGING": str, "VESTIGINGSNUMMER": str},
    )
    regions = _pc4_indeling(real_data_dir)
    raw["po_swv"] = raw.POSTCODE_VESTIGING.str[:4].map(lambda pc4: regions.get(pc4, (None, None))[0])
    raw["vo_swv"] = raw.POSTCODE_VESTIGING.str[:4].map(lambda pc4: regions.get(pc4, (None, None))[1])
    raw = raw[raw.TOTAAL > 0]
    for soort, sector_column, code, swv in (
        ("Sbo", "po_swv", "aanbod_sbo", "PO3009"),
        ("So", "po_swv", "aanbod_so", "PO2707"),
        ("Vso", "vo_swv", "aanbod_vso", "VO2708"),
    ):
        expected = len(raw[(raw.SOORT_PO == soort) & (raw[sector_column] == swv)])
        value = _value(code, swv, "2016-10-01")
        assert value.getal == expected > 0 and not value.fictief, code
    pro = _value("aanbod_pro", "VO2708", "2019-10-01")
    located = Leerlingtelling.objects.filter(soort="pro", swv__code="VO2708", peildatum="2019-10-01", aantal__gt=0)
    assert pro.getal == located.count() > 0
    for code in ("aanbod_sbo", "aanbod_so", "aanbod_vso", "aanbod_pro"):
        assert not Waarde.objects.filter(indicator__code=code, fictief=True).exists(), code
        assert Waarde.objects.get(
            indicator__code=code,
            swv__code="PO3009" if code in ("aanbod_sbo", "aanbod_so") else "VO3009",
            periode="2019-10-01",
        ).indicator.bron.startswith("DUO")
    # The tussenvoorzieningen have no public source: they stay the template's (fictional until delivered).
    assert not Waarde.objects.filter(indicator__code="aanbod_tussenvoorziening", fictief=False).exists()


def test_national_totals_equal_duo_minus_what_lies_outside_every_region(real_data_new_dir, client):
    """bo 2019: 1 vestiging with 170 pupils outside every region; vo 2019: 11 with 3,241 (the page says so)."""
    raw = pd.read_csv(next(real_data_new_dir.rglob("gemiddelde-afstand*.csv")), sep=";", encoding="latin-1")
    duo_bo = int(raw[raw.SOORT_PO == "Bo"].LEERLINGEN.sum())
    rows = client.get("/downloads/landelijk.json?sector=po").json()["rijen"]
    bo = next(r for r in rows if r["indicator"] == "leerlingen_bo" and r["periode"] == "2019-10-01")
    assert (bo["totaal_duo"], bo["buiten_regio_vestigingen"], bo["buiten_regio_leerlingen"]) == (duo_bo, 1, 170)
    assert float(bo["waarde"]) == duo_bo - 170
    vo_rows = client.get("/downloads/landelijk.json?sector=vo").json()["rijen"]
    vo = next(r for r in vo_rows if r["indicator"] == "leerlingen_vo" and r["periode"] == "2019-10-01")
    assert (vo["buiten_regio_vestigingen"], vo["buiten_regio_leerlingen"]) == (11, 3241)
    assert float(vo["waarde"]) == vo["totaal_duo"] - 3241
    text = " ".join(client.get("/landelijk/").content.decode().split())
    table = text[text.index('id="buiten-regio"') :].split("</table>", 1)[0]
    assert (
        f'<td>PO</td><td>1 oktober 2019</td><th scope="row">bo</th><td class="num">{duo_bo:,}'.replace(",", ".")
        in table
    )
    assert '<td class="num">11</td><td class="num">3.241</td>' in table
    figure = text[text.index('id="cijfer-leerlingen_bo"') :].split('class="klopt"', 1)[0]
    assert "170 daarvan zitten op 1 vestiging buiten elke regio" in figure
    bronnen = " ".join(client.get("/bronnen/").content.decode().split())
    assert "01-10-2019 vo: 11 vestiging(en) met 3241 leerlingen buiten elke regio" in bronnen
    assert "01-10-2019 bo: 1 vestiging(en) met 170 leerlingen buiten elke regio" in bronnen


def test_pupils_per_school_in_the_api_and_the_school_download(real_data_new_dir, client):
    kempen = Samenwerkingsverband.objects.get(code="PO3009")
    url = "/api/v1/scholen?swv=PO3009&periode=2019-10-01&cijfer=leerlingen&perPagina=1000"
    rows = client.get(url).json()["results"]
    for soort in ("bo", "sbo", "so"):
        total = sum(r["waarde"] for r in rows if r["soort"] == soort)
        assert total == _value(f"leerlingen_{soort}", "PO3009", "2019-10-01").getal, soort
    school = Leerlingtelling.objects.filter(swv=kempen, soort="sbo", peildatum="2019-10-01").first()
    row = next(r for r in rows if r["vestiging"] == school.brin6 and r["soort"] == "sbo")
    assert (row["waarde"], row["pc4"], row["sector"], row["fictief"]) == (school.aantal, school.pc4, "PO", False)
    assert row["bron"].startswith("DUO")
    csv_lines = client.get("/downloads/scholen.csv?swv=PO3009&periode=2019-10-01").getvalue().decode("utf-8-sig")
    assert (
        f"{school.brin6};" in csv_lines
        and f";leerlingen;Leerlingen sbo;sbo;2019-10-01;2019-10-01;{school.aantal};" in csv_lines
    )
    # A vestiging outside every region is there too, without an SWV.
    outside = Leerlingtelling.objects.filter(swv=None, soort="bo", peildatum="2019-10-01").first()
    found = client.get(f"/api/v1/scholen?vestiging={outside.brin6}&periode=2019-10-01").json()["results"]
    assert [(r["swv"], r["waarde"]) for r in found] == [("", outside.aantal)]
    refused = client.get("/api/v1/scholen?cijfer=onbekend")
    assert refused.status_code == 400 and refused["Content-Type"] == "application/problem+json"


def test_vo_pupils_pro_and_vso_2019(real_data_new_dir):
    raw = pd.read_csv(next(real_data_new_dir.rglob("leerlingen-vo-per-vestiging*.csv")), sep=";", encoding="latin-1")
    counts = raw.filter(regex=r" - (MAN|VROUW)$").sum(axis=1)
    pro = int(counts[raw["ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR"].str.startswith("Praktijkonderwijs")].sum())
    stored_pro = Waarde.objects.filter(indicator__code="leerlingen_pro", periode="2019-10-01", fictief=False)
    outside = Leerlingtelling.objects.filter(soort="pro", swv=None).values_list("aantal", flat=True)
    assert sum(w.getal for w in stored_pro) + sum(outside) == pro == 29_315
    amsterdam = _value("leerlingen_vo", "VO2708", "2019-10-01").getal
    vso = _value("leerlingen_vso", "VO2708", "2019-10-01").getal
    assert float(_value("deelname_vso", "VO2708", "2019-10-01").getal) == pytest.approx(
        float(100 * vso / (amsterdam + vso)), abs=1e-4
    )
    run = ImportRun.objects.filter(bron="duo_leerlingen_vo").latest("gestart")
    assert any("niet in DUO's adressenbestand" in notice for notice in run.meldingen)


def test_bron_uses_duos_swv_code_and_lists_where_location_differs(real_data_new_dir):
    raw = pd.read_csv(
        next(real_data_new_dir.rglob("*leerlingen-bo-in-bron*.csv")), sep=";", encoding="latin-1", skiprows=1
    )
    kempen = raw[raw.SWV == "PO3009"]
    assert _value("leerlingen_bo_bron", "PO3009", "2016-10-01").getal == int(kempen.TOTAAL.sum())
    share = 100 * int(kempen.TOTAAL_GEW03.sum() + kempen.TOTAAL_GEW12.sum()) / int(kempen.TOTAAL.sum())
    assert float(_value("gewichtenleerlingen_pct", "PO3009", "2016-10-01").getal) == pytest.approx(share, abs=1e-4)
    run = ImportRun.objects.filter(bron="duo_leerlingen_bo_bron").latest("gestart")
    assert any("afwijkt van de ligging" in notice and "04UU00" in notice for notice in run.meldingen)
    assert any("PO0001" in notice for notice in run.meldingen)


def test_accounts_of_linked_swvs_only(real_data_new_dir):
    assert _value("reserves", "PO3009", "2015").getal == 270_968
    assert _value("baten", "PO3009", "2014").getal == 2_585_040
    with (Path(__file__).resolve().parents[2] / "swv" / "data" / "swv_besturen.csv").open(encoding="utf-8") as fh:
        links = list(csv.DictReader(fh, delimiter=";"))
    assert all(row["methode"] and row["onderbouwing"] for row in links)
    linked = {row["swv_code"] for row in links if row["swv_code"]}
    assert len(linked) == len([row for row in links if row["swv_code"]])  # one bestuur per SWV
    with_reserves = set(
        Waarde.objects.filter(indicator__code="reserves", periode="2015", fictief=False).values_list(
            "swv__code", flat=True
        )
    )
    assert with_reserves == linked
    # Linked from the SWV's own publication (the region's gemeenten named there), not from the name alone.
    assert {"PO2304", "PO2501", "PO2508", "PO2603", "PO2604", "PO2816"} <= linked
    unlinked = [row for row in links if not row["swv_code"] and row["methode"] == "niet gekoppeld"]
    assert {row["bestuursnummer"] for row in unlinked} == {"21460", "21591", "21677"}
    run = ImportRun.objects.filter(bron="duo_financien_po_balans").latest("gestart")
    assert any("zonder koppeling" in notice and "21460" in notice for notice in run.meldingen)


def test_swv_adressen_bestuursnummer_overrides_the_link_table(real_data_new_dir, tmp_path):
    addresses = tmp_path / "swv-adressen.csv"
    # 21677 is one of the besturen the link table leaves unlinked (no evidence); the address file links it.
    assert not Waarde.objects.filter(indicator__code="reserves", swv__code="PO2807", fictief=False).exists()
    addresses.write_text("SAMENWERKINGSVERBANDNUMMER;NAAM;ADMINISTRATIENUMMER\nPO2807;SWV PO 28-07;21677\n")
    run_import(source_key="swv_adressen", path=addresses)
    assert Samenwerkingsverband.objects.get(code="PO2807").bestuursnummer == "21677"
    balans = next(real_data_new_dir.rglob("*po-(mab)-balans*.csv"))
    run_import(source_key="duo_financien_po_balans", path=balans)
    assert _value("reserves", "PO2807", "2015").status == Waarde.Status.GELEVERD


def test_national_series_and_funding(real_data_new_dir):
    absoluut = Waarde.objects.get(indicator__code="land_verzuim_absoluut", periode="2009-2010")
    assert absoluut.getal == 6878 and absoluut.swv is None
    assert Waarde.objects.get(indicator__code="land_verzuim_absoluut", periode="2004-2005").status == "niet_geleverd"
    assert Waarde.objects.filter(indicator__code="land_vrijstelling_5a").count() == 18
    lumpsum = Waarde.objects.get(indicator__code="bekostiging_personeel_bo", periode="2015-2016")
    assert 5_000_000_000 < lumpsum.getal < 7_000_000_000


def test_files_are_recognised_by_their_columns_not_their_names(real_data_new_dir, tmp_path):
    assert detect_source(next(real_data_new_dir.rglob("leerlingen-vo-*.csv"))).source.key == "duo_leerlingen_vo"
    assert detect_source(next(real_data_new_dir.rglob("*po-(mab)-balans*.csv"))).source.key == "duo_financien_po_balans"
    template = tmp_path / "leerlingen-2024.csv"
    template.write_text("swv_code;teldatum;leerlingen_totaal\nPO3009;2024-10-01;18000\n")
    assert detect_source(template).source.key == "leerlingen"
    unknown = tmp_path / "leerlingen-per-dag.csv"
    unknown.write_text("datum;aantal\n2024-10-01;5\n")
    detection = detect_source(unknown)
    assert detection.source is None and "geen bekende bron" in detection.reason
    out = StringIO()
    call_command("load_all", str(tmp_path), stdout=out)
    assert "niet herkend, overgeslagen" in out.getvalue() and "leerlingen-per-dag.csv" in out.getvalue()


def test_second_load_of_both_folders_changes_nothing(real_data_dir, real_data_new_dir):
    before = snapshot()
    started = ImportRun.objects.count()
    call_command("load_all", str(real_data_dir), str(real_data_new_dir), stdout=StringIO())
    runs = ImportRun.objects.order_by("pk")[started:]
    assert len(runs) == 7 + 10
    assert {run.status for run in runs} == {ImportRun.Status.ONGEWIJZIGD}
    assert snapshot() == before


def _section(html: str, code: str) -> str:
    start = html.index(f'id="cijfer-{code}"')
    return html[start : html.index('class="klopt"', start)]


def test_swv_page_shows_real_pupils_per_school_and_no_fictief_label_on_them(real_data_new_dir, client):
    kempen = Samenwerkingsverband.objects.get(code="PO3009")
    html = client.get(kempen.get_absolute_url()).content.decode()
    for code in ("leerlingen_bo", "leerlingen_sbo", "leerlingen_so", "deelname_sbo", "deelname_so", "reserves"):
        assert "label-fictief" not in _section(html, code), code
    assert "1 oktober 2019" in _section(html, "leerlingen_sbo")
    # The school list gives each school's pupils of the latest teldatum, and the so schools of the region.
    school = Leerlingtelling.objects.filter(swv=kempen, soort="bo", peildatum="2019-10-01").order_by("-aantal")[0]
    assert f"{school.aantal:,}".replace(",", ".") + " leerlingen bo" in html
    assert "voor speciaal onderwijs in de regio" in html


def test_home_leads_with_real_key_figures_and_the_banner_names_what_is_fictional(real_data_new_dir, client):
    html = client.get("/").content.decode()
    assert html.index('id="kop-cijfers"') < html.index('id="kop-wat"')
    for key in ("po-leerlingen_totaal", "po-deelname_sbo", "vo-deelname_pro", "vo-vsv_percentage", "po-reserves"):
        assert f'id="kerncijfer-{key}"' in html, key
        section = html[html.index(f'id="kerncijfer-{key}"') :].split("</li>", 1)[0]
        assert "label-fictief" not in section
        # A series of more than one period has bars with the years under them.
        assert ("bar-series__year" in section) == key.startswith("po-"), key
    banner = html[html.index("banner--fictief") :].split("</div>", 1)[0]
    assert "verblijfsduur" in banner and "deelname speciaal onderwijs" not in banner
    # The banner names each fictional figure, never a whole topic of which some figures are real.
    fictional = Indicator.objects.filter(waarden__fictief=True).distinct()
    real = Indicator.objects.exclude(waarden__fictief=True).filter(waarden__fictief=False).distinct()
    assert fictional.exists() and real.exists()
    for indicator in fictional:
        assert indicator.label in banner, indicator.code
    for indicator in real:
        assert f" {indicator.label}," not in banner and f" {indicator.label}." not in banner, indicator.code
    assert "Dekkend netwerk" not in banner and "Tussenvoorzieningen" in banner
    landelijk = client.get("/landelijk/?sector=po").content.decode()
    assert 'id="kerncijfer-po-deelname_sbo"' in landelijk and 'id="kerncijfer-vo-deelname_pro"' not in landelijk


def test_recomputation_from_the_raw_files_matches_the_api(real_data_dir, real_data_new_dir, client):
    """`make verify-data` over both folders: pandas on the raw files against the API, every SWV and period."""
    from swv.opendata.verify_data import Api, verify

    out = StringIO()
    api = Api(lambda path: client.get(path, HTTP_ACCEPT="application/json").json())
    assert verify([real_data_dir, real_data_new_dir], api, out), out.getvalue()
    lines = {line.split()[0]: line.split()[-2:] for line in out.getvalue().splitlines() if line.strip()}
    for figure, checked in (
        ("deelname_sbo", 228),
        ("leerlingen_vo", 74),
        ("gewichtenleerlingen_pct", 76),
        ("reserves", 114),
        ("aanbod_sbo", 228),
        ("aanbod_pro", 74),
        ("landelijk_totaal_leerlingen", 72),
    ):
        assert lines[figure] == [str(checked), "0"], (figure, lines.get(figure))


def test_home_keeps_the_real_lumpsum_apart_from_fictional_budgets(real_data_new_dir, client):
    html = client.get("/").content.decode()
    section = html[html.index('id="kop-geld"') :].split("</section>", 1)[0]
    real = section[section.index('id="kop-geld-echt"') : section.index('id="kop-geld-fictief"')]
    fictional = section[section.index('id="kop-geld-fictief"') :]
    lumpsum = Indicator.objects.get(code="bekostiging_personeel_bo")
    assert lumpsum.label in real and "schooljaar 2015-2016" in real and lumpsum.bron in real
    assert "peildatum" in real and "label-fictief" not in real
    # The fictional budgets are a separate example: labelled, and the real amount is not among them.
    assert "label-fictief" in fictional and lumpsum.label not in fictional
    assert "niet mee opgeteld" in fictional
