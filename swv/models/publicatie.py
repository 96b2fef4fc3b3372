from django.db import models

from swv.models.cijfers import Indicator


class Publicatie(models.Model):
    """The values of the open data (API /waarden) as rows, made once per source-data version.

    The rows are what the figures engine computes (gemeente figures rolled up to SWV's included), stored
    so that the API pages through them in SQL: a page costs the same whatever the number of periods.
    Rebuilt under a new version after every import; older versions are removed then.
    """

    versie = models.BigIntegerField(primary_key=True, help_text="De bronversie (swv.caching.versions).")
    gemaakt = models.DateTimeField(auto_now_add=True)
    # Rows per niveau, so an unfiltered page needs no count query.
    aantallen = models.JSONField(default=dict)

    class Meta:
        verbose_name = "publicatie van de waarden"
        verbose_name_plural = "publicaties van de waarden"

    def __str__(self):
        return f"waarden versie {self.versie}"


class PublicatieWaarde(models.Model):
    """One row of /api/v1/waarden: a value of one unit (SWV, gemeente, land) in one period.

    `volgnummer` is the row's place in the list of its niveau (sector, theme, indicator, unit, period),
    dense from 0, so an unfiltered page is a range of it (a seek, never an OFFSET)."""

    # No index of their own on the two keys: the composite indexes below lead with them, and every index
    # costs time on each import's rebuild.
    publicatie = models.ForeignKey(Publicatie, on_delete=models.CASCADE, related_name="waarden", db_index=False)
    niveau = models.CharField(max_length=10)
    volgnummer = models.PositiveIntegerField()
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+", db_index=False)
    swv = models.CharField(max_length=6, blank=True)
    swv_naam = models.CharField(max_length=300, blank=True)
    gemeente = models.CharField(max_length=6, blank=True)
    gemeente_naam = models.CharField(max_length=200, blank=True)
    sector = models.CharField(max_length=2, blank=True)
    periode = models.CharField(max_length=20, blank=True)
    peildatum = models.DateField(null=True)
    waarde = models.FloatField(null=True)
    tekst = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=14)
    ondergrens = models.FloatField(null=True)
    bovengrens = models.FloatField(null=True)
    geschat = models.BooleanField(default=False)
    verdeling = models.TextField(blank=True)
    fictief = models.BooleanField(default=False)
    opgeteld_uit_gemeenten = models.BooleanField(default=False)
    gemeenten_geleverd = models.PositiveIntegerField(null=True)
    gemeenten_totaal = models.PositiveIntegerField(null=True)

    class Meta:
        verbose_name = "gepubliceerde waarde"
        verbose_name_plural = "gepubliceerde waarden"
        constraints = [
            models.UniqueConstraint(fields=["publicatie", "niveau", "volgnummer"], name="publicatiewaarde_volgorde")
        ]
        # The API's filters; each index leads with the version and niveau every query names.
        indexes = [
            models.Index(fields=["publicatie", "niveau", "swv"], name="publicatiewaarde_swv"),
            models.Index(fields=["publicatie", "niveau", "gemeente"], name="publicatiewaarde_gemeente"),
            models.Index(fields=["publicatie", "niveau", "indicator"], name="publicatiewaarde_indicator"),
            models.Index(fields=["publicatie", "niveau", "periode"], name="publicatiewaarde_periode"),
        ]

    def __str__(self):
        return f"{self.indicator_id} {self.swv or self.gemeente or 'NL'} {self.periode}"
