"""The home page shows the coverage of all SWV regions per sector, without script or tiles."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_home_shows_every_region_per_sector_linking_to_the_map(client, real_data_dir):
    html = client.get("/").content.decode()
    maps = re.findall(r'<a class="coverage-map" href="([^"]+)">(.*?)</a>', html, re.S)
    assert [url for url, _ in maps] == ["/kaart/po/", "/kaart/vo/"]
    assert [body.count("<path ") for _, body in maps] == [76, 74]
    assert "Primair onderwijs: 76 regio's" in html and "Voortgezet onderwijs: 74 regio's" in html
