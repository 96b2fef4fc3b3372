from django.db import models
from django.db.models import Q

from swv.models.geografie import Gemeente
from swv.models.organisatie import Samenwerkingsverband


class Indicator(models.Model):
    """One figure the site can show, declared in swv/data/indicatoren.csv (the catalogue)."""

    class Thema(models.TextChoices):
        ONDERSTEUNING = "ondersteuning", "Ondersteuning"
        FINANCIEN = "financien", "Financiën"
        ORGANISATIE = "organisatie", "Organisatie"
        CONTEXT = "context", "Bekostiging van het onderwijs"

    class Eenheid(models.TextChoices):
        AANTAL = "aantal", "aantal"
        PROCENT = "procent", "procent"
        EURO = "euro", "euro"
        JAREN = "jaren", "jaren"
        CATEGORIE = "categorie", "categorie"
        JA_NEE = "ja_nee", "ja/nee"

    class Niveau(models.TextChoices):
        SWV = "swv", "samenwerkingsverband"
        GEMEENTE = "gemeente", "gemeente"
        LAND = "land", "landelijk"
        VESTIGING = "vestiging", "school (vestiging)"

    class Aggregatie(models.TextChoices):
        SOM = "som", "landelijk totaal (som)"
        GEWOGEN = "gewogen", "gewogen gemiddelde (naar de noemer)"
        GEMIDDELDE = "gemiddelde", "gemiddelde van de samenwerkingsverbanden"
        VERDELING = "verdeling", "verdeling over categorieën"
        TEKEN = "teken", "aantal positief en negatief"

    class PeriodeSoort(models.TextChoices):
        TELDATUM = "teldatum", "teldatum"
        SCHOOLJAAR = "schooljaar", "schooljaar"
        KALENDERJAAR = "kalenderjaar", "kalenderjaar"
        PEILDATUM = "peildatum", "peildatum"

    code = models.SlugField(max_length=60, unique=True)
    label = models.CharField(max_length=200)
    thema = models.CharField(max_length=20, choices=Thema.choices)
    onderwerp = models.CharField(max_length=100, help_text="Groepeert indicatoren binnen een thema.")
    eenheid = models.CharField(max_length=12, choices=Eenheid.choices)
    niveau = models.CharField(max_length=10, choices=Niveau.choices)
    sector = models.CharField(max_length=2, blank=True, help_text="PO, VO of leeg voor beide.")
    periode_soort = models.CharField(max_length=12, choices=PeriodeSoort.choices)
    aggregatie = models.CharField(max_length=12, choices=Aggregatie.choices)
    noemer = models.CharField(
        max_length=60,
        blank=True,
        help_text="Code van de indicator waarnaar gewogen of per leerling gedeeld wordt.",
    )
    categorieen = models.CharField(max_length=300, blank=True, help_text="Toegestane waarden, met | gescheiden.")
    bron = models.CharField(max_length=300)
    definitie = models.TextField()
    kanttekening = models.TextField(blank=True)
    zelf_gerapporteerd = models.BooleanField(default=False)
    volgorde = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["thema", "volgorde"]
        verbose_name = "indicator"
        verbose_name_plural = "indicatoren (catalogus)"

    def __str__(self):
        return self.label

    @property
    def categorie_lijst(self) -> list[str]:
        return [c for c in self.categorieen.split("|") if c]


# The status of a figure that does not apply to a unit (a PO-only figure for a VO SWV): shown and
# published as such, never stored (stored values are Waarde.Status) and never 'niet aangeleverd'.
NIET_VAN_TOEPASSING = "nvt"


class Waarde(models.Model):
    """One value of one indicator for one SWV, one gemeente or the whole country, in one period."""

    class Status(models.TextChoices):
        GELEVERD = "geleverd", "geleverd"
        NIET_GELEVERD = "niet_geleverd", "niet aangeleverd"
        ONDERDRUKT = "onderdrukt", "<5 (afgeschermd)"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="waarden")
    swv = models.ForeignKey(
        Samenwerkingsverband, null=True, blank=True, on_delete=models.CASCADE, related_name="waarden"
    )
    gemeente = models.ForeignKey(Gemeente, null=True, blank=True, on_delete=models.CASCADE, related_name="waarden")
    periode = models.CharField(max_length=20, help_text="2023-10-01 (teldatum), 2023-2024 (schooljaar) of 2023.")
    peildatum = models.DateField()
    getal = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    tekst = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.GELEVERD)
    # A suppressed value is known only between two bounds: a '<5' count is 1-4, a percentage computed
    # from one is that range divided by its noemer. Empty for delivered and missing values.
    ondergrens = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    bovengrens = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    fictief = models.BooleanField(default=False, help_text="Voorbeeldwaarde van demo_figures, geen echte data.")
    import_run = models.ForeignKey("swv.ImportRun", null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["indicator", "peildatum"]
        verbose_name = "waarde"
        verbose_name_plural = "waarden"
        constraints = [
            models.CheckConstraint(
                condition=Q(swv__isnull=True) | Q(gemeente__isnull=True), name="waarde_swv_of_gemeente"
            ),
            models.UniqueConstraint(
                fields=["indicator", "swv", "periode"],
                condition=Q(swv__isnull=False),
                name="waarde_uniek_swv",
            ),
            models.UniqueConstraint(
                fields=["indicator", "gemeente", "periode"],
                condition=Q(gemeente__isnull=False),
                name="waarde_uniek_gemeente",
            ),
            models.UniqueConstraint(
                fields=["indicator", "periode"],
                condition=Q(swv__isnull=True, gemeente__isnull=True),
                name="waarde_uniek_land",
            ),
        ]
        indexes = [models.Index(fields=["swv", "indicator"]), models.Index(fields=["indicator", "periode"])]

    def __str__(self):
        return f"{self.indicator.code} {self.swv or self.gemeente or 'NL'} {self.periode}"
