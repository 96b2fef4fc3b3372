"""Small helpers shared by the importer tests."""

import hashlib

from swv.models import (
    Gemeente,
    GemeenteGrens,
    Herindeling,
    Indeling,
    Postcodegebied,
    Samenwerkingsverband,
    Schoolbestuur,
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
