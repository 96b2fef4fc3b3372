"""Small helpers shared by the tests."""

import hashlib
import re
from html import unescape

from swv.models import (
    Gemeente,
    GemeenteGrens,
    Herindeling,
    Indeling,
    Leerlingtelling,
    Postcodegebied,
    Samenwerkingsverband,
    Schoolbestuur,
    Schoolcijfer,
    SwvGemeente,
    Vestiging,
    Waarde,
)

DATA_MODELS = (
    Samenwerkingsverband,
    Gemeente,
    GemeenteGrens,
    Herindeling,
    Indeling,
    Postcodegebied,
    SwvGemeente,
    Schoolbestuur,
    Vestiging,
    Leerlingtelling,
    Schoolcijfer,
    Waarde,
)


def snapshot() -> dict[str, str]:
    """A fingerprint of every data table: equal snapshots mean nothing was added, changed or removed."""
    result = {}
    for model in DATA_MODELS:
        digest = hashlib.sha256()
        for row in model.objects.order_by("pk").values_list():
            digest.update(repr(row).encode())
        result[model.__name__] = digest.hexdigest()
    return result


def api_figures(client, code: str) -> list[dict]:
    """The figures of one SWV as the API gives them (every page of them)."""
    data = client.get(f"/api/v1/samenwerkingsverbanden/{code}/cijfers", {"format": "json"}).json()
    return data["results"] if isinstance(data, dict) else data


def csv_figures(client, code: str) -> list[dict]:
    """The figures of one SWV as its CSV download gives them (Dutch Excel: ';' and a BOM)."""
    import csv
    import io

    text = client.get(f"/downloads/swv/{code}.csv").content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


FIGURE_VALUE = r'id="cijfer-{code}">\s*<h4[^>]*>.*?</h4>\s*<p class="figure__value">(.*?)</p>'


def page_text(html: str) -> str:
    """The text a visitor reads: tags removed, entities resolved, white space collapsed."""
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip())


def figure_value(html: str, code: str) -> str:
    """What a figure on a page reads like (its value line), by the indicator's code."""
    match = re.search(FIGURE_VALUE.format(code=re.escape(code)), html, re.DOTALL)
    assert match, f"figure {code} missing"
    return page_text(match.group(1))
