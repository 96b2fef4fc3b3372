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
    # The same school figures in the API and the school download, with the counts they come from.
    api = client.get(f"/api/v1/scholen?cijfer=verplaatsingen_school&swv={kempen.code}").json()
    found = {r["vestiging"]: (r["teller"], r["noemer"], round(r["waarde"], 4)) for r in api["results"]}
    assert found == {first.brin6: (4, 200, 2.0), second.brin6: (11, 300, round(100 * 11 / 300, 4))}
    assert {r["swv"] for r in api["results"]} == {kempen.code}
    csv_text = client.get("/downloads/scholen.csv?cijfer=verplaatsingen_school").getvalue()
    lines = csv_text.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("vestiging;vestiging_naam;pc4;swv")
    assert any(
        line.startswith(f"{other.brin6};") and f";{other.swv.code};" in line and ";1;100;" in line for line in lines
    )


def test_a_school_that_is_not_known_is_refused(tmp_path):
    path = _write(tmp_path, "brin6;teldatum;leerlingen;verplaatst\n99ZZ00;2024-10-01;200;4\n")
    with pytest.raises(ImportRefused) as refused:
        run_import(source_key="verplaatsingen_school", path=path, progress=False)
    assert "rij 2, kolom 'brin6': onbekende vestiging 99ZZ00" in str(refused.value)
