"""The catalogue's school level: verplaatsingen per school (template), stored per vestiging, summed to the SWV
and shown per school on the SWV page."""

import pytest

from swv.importing.problems import ImportRefused
from swv.importing.run import run_import
from swv.models import Indicator, Schoolcijfer, Waarde
from tests.factories import SamenwerkingsverbandFactory, VestigingFactory

pytestmark = pytest.mark.django_db


def _write(tmp_path, text: str):
    path = tmp_path / "verplaatsingen-2024.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_per_school_figures_are_summed_to_the_swv_and_shown_per_school(tmp_path, client):
    assert Indicator.objects.get(code="verplaatsingen_school").niveau == Indicator.Niveau.VESTIGING
    kempen = SamenwerkingsverbandFactory()
    first, second = VestigingFactory.create_batch(2, swv=kempen)
    other = VestigingFactory()  # of another SWV
    path = _write(
        tmp_path,
        "brin6;teldatum;leerlingen;verplaatst\n"
        f"{first.brin6};2024-10-01;200;4\n{second.brin6};2024-10-01;300;11\n{other.brin6};2024-10-01;100;1\n",
    )
    run_import(source_key="verplaatsingen_school", path=path, progress=False)
    school = Schoolcijfer.objects.get(brin6=first.brin6, periode="2024-10-01")
    assert (school.teller, school.noemer, school.getal) == (4, 200, 2)
    total = Waarde.objects.get(indicator__code="verplaatsingen", swv=kempen, periode="2024-10-01")
    assert not total.fictief and float(total.getal) == pytest.approx(100 * 15 / 500)
    html = client.get(kempen.get_absolute_url()).content.decode()
    assert "2,0% leerlingen verplaatst naar een andere school" in html and "(4 van 200" in html


def test_a_school_that_is_not_known_is_refused(tmp_path):
    path = _write(tmp_path, "brin6;teldatum;leerlingen;verplaatst\n99ZZ00;2024-10-01;200;4\n")
    with pytest.raises(ImportRefused) as refused:
        run_import(source_key="verplaatsingen_school", path=path, progress=False)
    assert "rij 2, kolom 'brin6': onbekende vestiging 99ZZ00" in str(refused.value)
