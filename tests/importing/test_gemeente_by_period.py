"""Finding 6: gemeente names in figure files resolve as of the figure's period. Bussum 2014-2015 keeps its
own value (not Gooise Meren's), Bussum and Naarden in one file are two rows, and the SWV of today's
Gooise Meren counts them for that year; a name used after the merger means today's gemeente."""

import pytest

from swv.importing.run import run_import
from swv.models import Gemeente, SwvGemeente, Waarde
from swv.selectors.indeling import current_indeling
from tests.helpers import api_figures

pytestmark = pytest.mark.django_db


def _import(tmp_path, text):
    path = tmp_path / "verzuim-oud.csv"
    path.write_text(text, encoding="utf-8")
    return run_import(source_key="verzuim", path=path, progress=False)


def test_dissolved_gemeente_keeps_its_own_value_for_its_own_years(real_data_dir, tmp_path, client):
    run = _import(
        tmp_path,
        "gemeente;schooljaar;leerplichtigen\n"
        "Bussum;2014-2015;100\nNaarden;2014-2015;50\nMuiden;2014-2015;10\nBussum;2016-2017;999\n",
    )
    assert run.rijen_geladen == 4
    bussum = Gemeente.objects.get(code="GM0381")
    gooise_meren = Gemeente.objects.get(code="GM1942")
    stored = Waarde.objects.get(gemeente=bussum, periode="2014-2015", indicator__code="leerplichtigen")
    assert stored.getal == 100
    assert not Waarde.objects.filter(gemeente=gooise_meren, periode="2014-2015", indicator__code="leerplichtigen")
    # After the merger the old name means today's gemeente.
    assert Waarde.objects.get(gemeente=gooise_meren, periode="2016-2017", indicator__code="leerplichtigen").getal == 999
    rows = client.get("/api/v1/waarden", {"niveau": "gemeente", "gemeente": "GM0381", "format": "json"}).json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    assert [(r["periode"], r["waarde"]) for r in rows if r["indicator"] == "leerplichtigen"] == [("2014-2015", 100)]
    # The SWV of Gooise Meren counts the three former gemeenten for 2014-2015.
    link = SwvGemeente.objects.filter(indeling=current_indeling(), gemeente=gooise_meren, sector="VO").first()
    row = next(
        r
        for r in api_figures(client, link.swv.code)
        if r["indicator"] == "leerplichtigen" and r["periode"] == "2014-2015"
    )
    assert link.deel == SwvGemeente.Deel.GEHEEL and row["waarde"] == 160
