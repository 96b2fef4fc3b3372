"""The public pages: every design item on every page (over the real open data plus demo_figures), and
what one SWV's page shows of its own rows (built from small synthetic data)."""

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from swv.models import Indicator, Samenwerkingsverband, Waarde
from tests.factories import (
    LATEST_YEAR,
    DocumentFactory,
    LeerlingtellingFactory,
    RegionFactory,
    SamenwerkingsverbandFactory,
    ToelichtingFactory,
    VestigingFactory,
    WaardeFactory,
)
from tests.helpers import figure_value, page_text
from uploads.models import Document, DocumentSoort

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Other tests change data inside transactions that are rolled back, after the cache saw it: start
    from a new data version so nothing computed from rolled-back rows is reused."""
    from swv.caching.versions import pages_changed

    pages_changed()


INTRO_ITEMS = ["Adres", "Website", "E-mail", "Telefoon", "Schoolbesturen en scholen", "Gemeenten", "Postcodegebieden"]


def _indicators_for(sector: str, *, national: bool = False) -> list[Indicator]:
    """The figures of an SWV page; with `national` those of /landelijk/ (which adds the national series)."""
    # School-level figures show per school in the school list, not as a figure of their own.
    indicators = Indicator.objects.exclude(thema=Indicator.Thema.CONTEXT).exclude(niveau=Indicator.Niveau.VESTIGING)
    if not national:
        indicators = indicators.exclude(niveau=Indicator.Niveau.LAND)
    return [i for i in indicators if i.sector in ("", sector)]


def test_home_explains_searches_and_shows_the_funding_picture(client):
    html = client.get("/").content.decode()
    assert 'action="/zoeken/"' in html and 'name="q"' in html
    assert "Wat is een samenwerkingsverband?" in html
    assert "relatief klein rad dat initieert" in html
    for indicator in Indicator.objects.filter(niveau=Indicator.Niveau.LAND, thema=Indicator.Thema.CONTEXT):
        assert indicator.label in html
    assert html.count("<h1") == 1


@pytest.mark.realdata
@pytest.mark.parametrize("query", ["", "?sector=po", "?sector=vo"])
def test_landelijk_shows_every_design_item(client, query):
    response = client.get(f"/landelijk/{query}")
    assert response.status_code == 200
    html = response.content.decode()
    sectors = ["PO", "VO"] if not query else [query[-2:].upper()]
    codes = {i.code for s in sectors for i in _indicators_for(s, national=True)}
    for code in codes:
        assert f'id="cijfer-{code}"' in html, code
    text = page_text(html)
    for phrase in [
        "Gemiddeld per samenwerkingsverband",  # pupils per SWV and its spread
        "Spreiding: van",
        "onvolledig en slecht gedocumenteerd",  # verzuim caveat
        "van het aantal leerlingen",  # geschillen and bezwaren as % of pupils
        "met een positieve en",  # verevening
        "stichting",
        "onvoldoende",
    ]:
        assert phrase in text, phrase
    assert text.count("Samenwerkingsverbanden verschillen sterk in grootte") == 1  # editable context text


def test_landelijk_context_text_comes_from_the_admin_model(client):
    from landelijk.models import ThemaContext

    ThemaContext.objects.filter(thema="financien").update(tekst="Een **eigen** uitleg van de beheerder.")
    html = client.get("/landelijk/").content.decode()
    assert "Een <strong>eigen</strong> uitleg van de beheerder." in html


@pytest.mark.realdata
def test_every_swv_page_answers_with_every_design_item(client):
    indicators = {s: _indicators_for(s) for s in ("PO", "VO")}
    for swv in Samenwerkingsverband.objects.all():
        response = client.get(swv.get_absolute_url())
        assert response.status_code == 200, swv.code
        html = response.content.decode()
        assert html.count("<h1") == 1
        for item in INTRO_ITEMS:
            assert f">{item}<" in html, (swv.code, item)
        for soort in DocumentSoort.labels:
            assert soort in html, (swv.code, soort)
        for indicator in indicators[swv.sector]:
            value = figure_value(html, indicator.code)
            assert value, (swv.code, indicator.code)
            if "niet aangeleverd" not in value and value != "<5 (tussen 1 en 4; afgeschermd om privacyredenen)":
                assert re.search(r"[0-9a-z]", value), (swv.code, indicator.code, value)


def test_short_and_wrong_urls_redirect_permanently(client):
    swv = SamenwerkingsverbandFactory(naam="Passend Onderwijs Proefregio")
    canonical = swv.get_absolute_url()
    code = swv.code
    for url in [f"/swv/{code}/", f"/swv/{code.lower()}/", f"/swv/{code}-verkeerde-naam/"]:
        response = client.get(url)
        assert response.status_code == 301, url
        assert response["Location"] == canonical
    assert client.get("/swv/PO0001/").status_code == 404


def test_unnamed_swv_is_named_by_code_and_gemeenten(client):
    swv = SamenwerkingsverbandFactory(naam="")
    region = RegionFactory(swv=swv)
    html = client.get(swv.get_absolute_url()).content.decode()
    h1 = page_text(re.search(r"<h1>(.*?)</h1>", html, re.DOTALL).group(1))
    assert h1 == f"Samenwerkingsverband {swv.code_leesbaar} ({region.gemeente.naam})"


def test_toelichting_shows_only_when_published(client):
    swv = SamenwerkingsverbandFactory(sector="VO")
    url = swv.get_absolute_url()
    html = client.get(url).content.decode()
    assert "Toelichting van het samenwerkingsverband" not in html
    assert 'class="toelichting"' not in html
    ToelichtingFactory(swv=swv, thema="financien", concept="Concept", gepubliceerd="Wij sparen **bewust**.")
    ToelichtingFactory(swv=swv, thema="organisatie", concept="Alleen een concept", gepubliceerd="")
    html = client.get(url).content.decode()
    assert "Toelichting van het samenwerkingsverband: financiën" in html
    assert "Wij sparen <strong>bewust</strong>." in html
    assert "organisatie</h3>" not in html and "Alleen een concept" not in html
    assert html.count('class="toelichting"') == 1


def test_preview_context_takes_draft_texts():
    from django.template.loader import render_to_string
    from django.utils.safestring import mark_safe

    from swv.pages.profile import build_swv_page_context

    context = build_swv_page_context(
        swv=SamenwerkingsverbandFactory(), toelichtingen={"intro": mark_safe("<p>Onze missie</p>")}
    )
    html = render_to_string("swv/detail.html", context)
    assert "Over het samenwerkingsverband" in html and "<p>Onze missie</p>" in html


def test_suppressed_counts_show_as_less_than_five_and_fictional_values_are_labelled(client):
    waarde = WaardeFactory(
        indicator__code="geschillen",
        status=Waarde.Status.ONDERDRUKT,
        getal=None,
        ondergrens=1,
        bovengrens=4,
        fictief=True,
    )
    html = client.get(waarde.swv.get_absolute_url()).content.decode()
    assert figure_value(html, "geschillen").startswith("<5")
    block = html[html.index('id="cijfer-geschillen"') :][:600]
    assert "fictief" in block


def test_the_spread_table_names_this_swv_only_with_a_value_of_its_own(client):
    delivered = [WaardeFactory(indicator__code="geschillen", getal=getal) for getal in (3, 7, 12, 20, 31)]
    indicator, sector = delivered[0].indicator, delivered[0].swv.sector
    suppressed = {"status": Waarde.Status.ONDERDRUKT, "getal": None, "ondergrens": 1, "bovengrens": 4}
    for swv in SamenwerkingsverbandFactory.create_batch(2, sector=sector):
        WaardeFactory(indicator=indicator, swv=swv, **suppressed)
    missing = WaardeFactory(indicator=indicator, status=Waarde.Status.NIET_GELEVERD, getal=None, swv__sector=sector)

    def own_row(swv) -> str | None:
        html = client.get(swv.get_absolute_url()).content.decode()
        block = html[html.index('id="cijfer-geschillen"') :]
        table = block[block.index("<caption>Spreiding") : block.index("</table>")]
        found = re.search(r"Dit samenwerkingsverband</th><td[^>]*>([^<]*)<", table)
        return found and found.group(1)

    assert own_row(delivered[2].swv) == "12"
    assert own_row(swv) is None
    assert own_row(missing.swv) is None


def test_documents_section_lists_documents_and_missing_types(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = DocumentFactory(soort=DocumentSoort.ONDERSTEUNINGSPLAN, periode_van=2022, periode_tot=2026)
    Document.objects.filter(pk=document.pk).update(grootte=1_572_864)  # shown as the stored size, not measured
    html = client.get(document.swv.get_absolute_url()).content.decode()
    section = html[html.index('id="documenten"') : html.index('id="introductie"')]
    assert document.get_absolute_url() in section
    assert "2022–2026" in section and "1,5 MB" in section
    assert section.count("niet aangeleverd") == len(DocumentSoort) - 1


@override_settings(PAGE_CACHE_ENABLED=False)
def test_swv_page_makes_a_fixed_number_of_queries(client):
    small, large = SamenwerkingsverbandFactory.create_batch(2)
    for swv, schools in ((small, 1), (large, 12)):
        RegionFactory(swv=swv)
        for vestiging in VestigingFactory.create_batch(schools, swv=swv):
            LeerlingtellingFactory(brin6=vestiging.brin6, swv=swv)
        WaardeFactory(swv=swv, indicator__code="leerlingen_totaal", getal=100 * schools)
    client.get(small.get_absolute_url())  # fills the caches of sector figures and names
    client.get(large.get_absolute_url())
    counts = []
    for swv in (small, large):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(swv.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    # One query per kind of thing the page shows (schools, their pupil counts and their school-level figures
    # are three), whatever the SWV's size.
    assert 0 < counts[0] <= 12, "\n".join(q["sql"][:110] for q in queries.captured_queries)


def test_context_texts_are_edited_in_the_admin(admin_client):
    from landelijk.models import ThemaContext

    assert set(ThemaContext.objects.values_list("thema", flat=True)) == set(ThemaContext.Thema.values)
    context = ThemaContext.objects.get(thema="organisatie")
    response = admin_client.get(f"/beheer/landelijk/themacontext/{context.pk}/change/")
    assert response.status_code == 200
    response = admin_client.post(
        f"/beheer/landelijk/themacontext/{context.pk}/change/", {"thema": "organisatie", "tekst": "Nieuwe uitleg."}
    )
    assert response.status_code == 302
    assert "Nieuwe uitleg." in admin_client.get("/landelijk/?sector=vo").content.decode()


@pytest.mark.realdata
def test_totals_are_also_compared_per_pupil(client):
    from swv.figures import sector_figures, swv_figure

    swv = Samenwerkingsverband.objects.get(code="PO3009")
    figures = sector_figures(sector="PO")
    figure = swv_figure(figures=figures, series=figures.series["verzuim_relatief"], swv_id=swv.pk, sector="PO")
    leerplichtigen = figures.series["leerplichtigen"].current[swv.pk].getal
    assert figure.aandeel == pytest.approx(100 * figure.value / leerplichtigen)
    assert figure.aandeel_positie is not None
    html = client.get(swv.get_absolute_url()).content.decode()
    block = html[html.index('id="cijfer-verzuim_relatief"') :][:3000]
    assert "van het aantal leerplichtige jongeren" in block and "Naar verhouding" in block
    assert "Opgeteld over de gemeenten van dit samenwerkingsverband" in block


def test_swv_page_writes_years_values_and_the_spread_in_words(client):
    swvs = SamenwerkingsverbandFactory.create_batch(6, sector="PO")
    for number, swv in enumerate(swvs):
        for jaar in (LATEST_YEAR - 1, LATEST_YEAR):
            WaardeFactory(swv=swv, indicator__code="leerlingen_totaal", jaar=jaar, getal=1000 + 100 * number + jaar)
    html = client.get(swvs[0].get_absolute_url()).content.decode()
    block = html[html.index('id="cijfer-leerlingen_totaal"') :]
    block = block[: block.index('class="figure"', 10)]
    assert 'class="trend__period"' in block and 'class="trend__value"' in block
    assert "De middelste helft van de samenwerkingsverbanden PO zit tussen" in block
