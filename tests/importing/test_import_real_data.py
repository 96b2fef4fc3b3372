"""The importers on the real open-data files in DATA_DIR (loaded once for the session by conftest)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from swv.models import GemeenteGrens, ImportRun, Postcodegebied, SwvGemeente, Vestiging, Waarde
from swv.selectors.gemeenten import GemeenteResolver
from swv.selectors.indeling import current_indeling
from tests.helpers import snapshot

pytestmark = pytest.mark.django_db


def _status() -> dict:
    out = StringIO()
    call_command("datastatus", "--json", stdout=out)
    return json.loads(out.getvalue())


def test_load_all_loads_every_source(real_data_dir):
    counts = _status()["counts"]
    assert counts["swv_po"] == 76
    assert counts["swv_vo"] == 74
    assert counts["pc4"] == 4046
    assert counts["pc4_zonder_gemeente"] == 0
    assert counts["gemeenten_met_grens"] == 342
    assert counts["vestigingen"] == 6268 + 1619
    assert counts["vestigingen_zonder_gemeente"] == 0
    assert counts["besturen"] == 1132
    assert counts["waarden"] > 0
    assert Waarde.objects.filter(indicator__code="vsv_totaal", fictief=False).count() == 74


def test_europoort_is_reported_and_not_an_swv(real_data_dir):
    run = ImportRun.objects.filter(bron="regio_pc4").latest("gestart")
    assert any("Europoort" in notice for notice in run.meldingen)
    europoort = Postcodegebied.objects.filter(pc4__in=["3197", "3198", "3199"])
    assert europoort.count() == 3
    assert not europoort.exclude(po_swv=None).exists()
    assert {p.gemeente.naam for p in europoort} == {"Rotterdam"}


def test_every_2015_pc4_lies_in_a_gemeente_of_the_2023_boundaries(real_data_dir):
    with_2023 = set(GemeenteGrens.objects.filter(jaar=2023).values_list("gemeente_id", flat=True))
    areas = Postcodegebied.objects.filter(indeling=current_indeling())
    assert areas.count() == 4046
    assert not [p.pc4 for p in areas if p.gemeente_id not in with_2023]


@pytest.mark.parametrize(
    ("pc4", "gemeente"),
    [
        ("1381", "Amsterdam"),  # Weesp, merged 2022
        ("5074", "Tilburg"),  # Biezenmortel, from Haaren (split 2021)
        ("5268", "Vught"),  # Helvoirt, from Haaren
        ("8635", "Súdwest-Fryslân"),  # Littenseradiel (split 2018), a school in the same PC4 decides
        ("9891", "Westerkwartier"),  # Ezinge, the part of Winsum that went west
        ("9951", "Het Hogeland"),  # Winsum itself
        ("8501", "De Fryske Marren"),  # 'De Friese Meren', renamed
        ("1165", "Haarlemmermeer"),  # Haarlemmerliede en Spaarnwoude
        ("5854", "Bergen (L.)"),  # two gemeenten Bergen: the suffix decides
        ("1861", "Bergen (NH.)"),
        ("7553", "Hengelo (O.)"),  # 'Hengelo' in 2015, 'Hengelo (O.)' in the CBS file of 2025
    ],
)
def test_old_gemeente_names_resolve_to_todays_gemeente(real_data_dir, pc4, gemeente):
    area = Postcodegebied.objects.select_related("gemeente").get(indeling=current_indeling(), pc4=pc4)
    assert area.gemeente.naam == gemeente


def test_resolver_reads_names_without_diacritics_and_old_names(real_data_dir):
    resolver = GemeenteResolver(use_school_clues=False)
    assert resolver.resolve("Sudwest Fryslan").gemeente.code == "GM1900"
    assert resolver.resolve("0457").gemeente.code == "GM0363"  # Weesp's old CBS code
    split = resolver.resolve("Haaren")
    assert split.deels and {g.naam for g in split.gemeenten} == {"Oisterwijk", "Boxtel", "Tilburg", "Vught"}


def test_2013_indeling_keeps_postcode_splits(real_data_dir):
    staphorst = SwvGemeente.objects.filter(indeling__geldig_vanaf="2013-10-01", sector="PO", gemeente__naam="Staphorst")
    assert {(r.swv.code, r.deel, r.postcodes) for r in staphorst} == {
        ("PO2203", "alleen", "7951,7955"),
        ("PO2305", "alleen", "7715,7954"),
    }
    rheden = SwvGemeente.objects.get(indeling__geldig_vanaf="2013-10-01", swv__code="VO2501", gemeente__naam="Rheden")
    assert (rheden.deel, rheden.postcodes, rheden.gesplitst) == ("behalve", "6881,6882,6883,6991", True)


def test_schools_are_linked_to_bestuur_gemeente_and_swv(real_data_dir):
    school = Vestiging.objects.select_related("bestuur", "gemeente", "swv").get(brin6="16AH00")
    assert (school.bestuur.nummer, school.gemeente.naam, school.plaats) == ("10249", "Emmen", "Emmen")
    assert school.swv.sector == "PO"
    assert Vestiging.objects.filter(soort="vo").exclude(swv=None).filter(swv__sector="PO").count() == 0


def test_windows_1252_names_are_read_correctly(real_data_dir):
    assert Vestiging.objects.filter(naam__contains="’").exists()
    assert not Vestiging.objects.filter(naam__contains="\ufffd").exists()


def test_second_load_changes_nothing(real_data_dir):
    before = snapshot()
    started = ImportRun.objects.count()
    call_command("load_all", str(real_data_dir), stdout=StringIO())
    runs = ImportRun.objects.order_by("pk")[started:]
    assert len(runs) == 7
    assert {run.status for run in runs} == {ImportRun.Status.ONGEWIJZIGD}
    assert snapshot() == before
