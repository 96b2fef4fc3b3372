from django.db import models
from django.urls import reverse
from django.utils.text import slugify


class Sector(models.TextChoices):
    PO = "PO", "Primair onderwijs"
    VO = "VO", "Voortgezet onderwijs"

    @classmethod
    def parse(cls, raw: str | None) -> str | None:
        """A sector as a URL or query writes it ('po', 'VO') -> 'PO' / 'VO'; anything else None."""
        sector = (raw or "").strip().upper()
        return sector if sector in cls.values else None


class Samenwerkingsverband(models.Model):
    """An SWV as the regeling regio-indeling names it; name and contact come from a later import."""

    code = models.CharField("code", max_length=6, unique=True, help_text="Bijvoorbeeld PO3009.")
    sector = models.CharField(max_length=2, choices=Sector.choices)
    naam = models.CharField(max_length=200, blank=True)
    slug = models.SlugField(max_length=220, blank=True)
    straat = models.CharField("straat en huisnummer", max_length=200, blank=True)
    postcode = models.CharField(max_length=7, blank=True)
    plaats = models.CharField(max_length=100, blank=True)
    telefoon = models.CharField(max_length=30, blank=True)
    email = models.EmailField("e-mailadres", blank=True)
    website = models.URLField(blank=True)
    # The SWV's own legal entity in DUO's files (BEVOEGD GEZAG NUMMER, DUO's ADMINISTRATIENUMMER), as the
    # swv_adressen file gives it; empty: the link table swv/data/swv_besturen.csv is used instead.
    bestuursnummer = models.CharField("bestuursnummer", max_length=10, blank=True)
    geldig_vanaf = models.DateField(null=True, blank=True)
    geldig_tot = models.DateField(null=True, blank=True)
    voorganger = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="opvolgers")
    # Region outline per sector, prepared at import (GeoJSON text, WGS84), see the map.
    regio_geojson = models.TextField(blank=True, editable=False)
    # The gemeenten of that region split with other SWV's by postcode (GeoJSON FeatureCollection).
    regio_gedeeld_geojson = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["code"]
        verbose_name = "samenwerkingsverband"
        verbose_name_plural = "samenwerkingsverbanden"

    def __str__(self):
        return f"{self.code} {self.naam}".strip()

    def save(self, *args, **kwargs):
        self.slug = slugify(self.naam or self.code)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("swv:detail", kwargs={"code": self.code, "slug": self.slug})

    @property
    def code_leesbaar(self) -> str:
        """The code as the sector writes it: PO 30-09."""
        return f"{self.code[:2]} {self.code[2:4]}-{self.code[4:]}"


class Schoolbestuur(models.Model):
    nummer = models.CharField("bevoegd-gezagnummer", max_length=10, unique=True)
    naam = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["nummer"]
        verbose_name = "schoolbestuur"
        verbose_name_plural = "schoolbesturen"

    def __str__(self):
        return f"{self.nummer} {self.naam}".strip()


class Vestiging(models.Model):
    """A school location (BRIN6) from the DUO address files."""

    brin6 = models.CharField("BRIN6", max_length=6)
    brin4 = models.CharField("BRIN4", max_length=4)
    naam = models.CharField(max_length=200)
    soort = models.CharField(max_length=10, help_text="bo of vo, zoals in het DUO-bestand")
    onderwijsstructuur = models.CharField(max_length=100, blank=True)
    denominatie = models.CharField(max_length=100, blank=True)
    straat = models.CharField(max_length=200, blank=True)
    postcode = models.CharField(max_length=7, blank=True)
    pc4 = models.CharField(max_length=4, blank=True)
    plaats = models.CharField(max_length=100, blank=True)
    website = models.CharField(max_length=200, blank=True)
    gemeente = models.ForeignKey("swv.Gemeente", null=True, blank=True, on_delete=models.SET_NULL)
    gemeente_bron = models.CharField(
        "gemeente in bronbestand", max_length=100, blank=True, help_text="Code en naam zoals DUO ze gaf."
    )
    bestuur = models.ForeignKey(Schoolbestuur, on_delete=models.PROTECT, related_name="vestigingen")
    # Not indexed, and the table is stored half full (migration 0004): a new indeling relinks every school,
    # and an UPDATE that changes no indexed column stays on its page (HOT) instead of rewriting each index.
    swv = models.ForeignKey(
        Samenwerkingsverband,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="vestigingen",
        db_index=False,
    )

    class Meta:
        ordering = ["naam"]
        # Only the indexes a query uses: every index costs each imported row, so the pattern (LIKE) indexes
        # that unique=True and db_index=True add on PostgreSQL are left out.
        constraints = [models.UniqueConstraint(fields=["brin6"], name="brin6_uniek")]
        indexes = [models.Index(fields=["brin4"], name="vestiging_brin4")]
        verbose_name = "vestiging"
        verbose_name_plural = "vestigingen"

    def __str__(self):
        return f"{self.brin6} {self.naam}"

    @property
    def scholen_op_de_kaart_url(self) -> str:
        return f"https://scholenopdekaart.nl/zoeken/?zoektermen={self.brin6}"
