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
