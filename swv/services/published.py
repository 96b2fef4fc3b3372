"""The open data's values stored as rows per source-data version, so the API pages through them in SQL.

What the rows say is computed by the caller (swv.opendata.tables, from the figures engine): this service
only stores them. One version is built once (a second builder waits for the first and uses its rows) and
the older versions go when a newer one is stored.
"""

from collections.abc import Iterable

from django.db import IntegrityError, transaction

from swv.models import Indicator, Publicatie, PublicatieWaarde
from swv.services.sync import insert_rows

# The value columns a row dict carries that are stored as they are (the indicator's own fields are not:
# label, theme and source are read from the catalogue with the page).
_STORED = [
    f.attname
    for f in PublicatieWaarde._meta.concrete_fields
    if f.attname not in ("id", "publicatie_id", "niveau", "volgnummer", "indicator_id")
]


def publish(*, version: int, rows_per_niveau: dict[str, Iterable[dict]]) -> Publicatie:
    """Store the rows of every niveau under `version` (in list order) and remove older versions."""
    indicator_ids = dict(Indicator.objects.values_list("code", "pk"))
    try:
        with transaction.atomic():
            # A second process building the same version waits here until the first commits, then
            # fails on the primary key and reads the first one's rows.
            publicatie = Publicatie.objects.create(versie=version)
            counts = {}
            for niveau, rows in rows_per_niveau.items():
                stored = [
                    {
                        "publicatie_id": version,
                        "niveau": niveau,
                        "volgnummer": number,
                        "indicator_id": indicator_ids[row["indicator"]],
                        **{name: row[name] for name in _STORED},
                    }
                    for number, row in enumerate(rows)
                ]
                insert_rows(PublicatieWaarde, stored)
                # [[sector, rows], ...] in list order (a JSON object would not keep the order).
                per_sector: dict[str, int] = {}
                for row in stored:
                    per_sector[row["sector"]] = per_sector.get(row["sector"], 0) + 1
                counts[niveau] = [[sector, n] for sector, n in per_sector.items()]
            publicatie.aantallen = counts
            publicatie.save(update_fields=["aantallen"])
    except IntegrityError:
        return Publicatie.objects.get(versie=version)
    # Their rows go in one DELETE (nothing refers to them). Older versions only: a process that still
    # knows an older version never removes a newer one.
    Publicatie.objects.filter(versie__lt=version).delete()
    return publicatie
