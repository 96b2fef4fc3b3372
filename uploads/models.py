"""What SWV's supply themselves: their toelichting per theme and their documents."""

from django.conf import settings
from django.db import models

from swv.models import Samenwerkingsverband


class Thema(models.TextChoices):
    INTRO = "intro", "Introductie"
    ONDERSTEUNING = "ondersteuning", "Ondersteuning"
    FINANCIEN = "financien", "Financiën"
    ORGANISATIE = "organisatie", "Organisatie"


class Toelichting(models.Model):
    """An SWV's own explanation of one theme: a draft being written and the published text."""

    MAX_LENGTH = 6000

    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="toelichtingen")
    thema = models.CharField(max_length=20, choices=Thema.choices)
    concept = models.TextField("concepttekst", blank=True, max_length=MAX_LENGTH)
    gepubliceerd = models.TextField("gepubliceerde tekst", blank=True, max_length=MAX_LENGTH, editable=False)
    gepubliceerd_op = models.DateTimeField(null=True, blank=True, editable=False)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )

    class Meta:
        ordering = ["swv__code", "thema"]
        constraints = [models.UniqueConstraint(fields=["swv", "thema"], name="toelichting_per_thema")]
        verbose_name = "toelichting"
        verbose_name_plural = "toelichtingen"

    def __str__(self):
        return f"{self.swv.code} – {self.get_thema_display()}"


class DocumentSoort(models.TextChoices):
    ONDERSTEUNINGSPLAN = "ondersteuningsplan", "Ondersteuningsplan"
    JAARPLAN = "jaarplan", "Jaarplan of activiteitenplan"
    JAARVERSLAG = "jaarverslag", "Jaarverslag en bestuursverslag"
    INSPECTIERAPPORT = "inspectierapport", "Inspectierapport"
    BELEIDSPLAN = "beleidsplan", "Project- of beleidsplan"
    TEVREDENHEID = "tevredenheid", "Tevredenheidsonderzoek ouders of leerlingen"


def document_path(instance, filename: str) -> str:
    """A generated name: nothing of the uploader's file name reaches the file system."""
    import uuid

    return f"documenten/{instance.swv.code}/{uuid.uuid4().hex}.pdf"


class Document(models.Model):
    """A PDF an SWV publishes; a replaced document stays available as an earlier version."""

    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="documenten")
    soort = models.CharField(max_length=20, choices=DocumentSoort.choices)
    titel = models.CharField(max_length=200)
    periode_van = models.PositiveSmallIntegerField("van (jaar)", null=True, blank=True)
    periode_tot = models.PositiveSmallIntegerField("tot en met (jaar)", null=True, blank=True)
    bestand = models.FileField(upload_to=document_path)
    grootte = models.PositiveIntegerField("grootte in bytes", default=0, editable=False)
    geupload_op = models.DateTimeField(auto_now_add=True)
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    vervangen_door = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="eerdere_versies"
    )

    class Meta:
        ordering = ["swv__code", "soort", "-geupload_op"]
        verbose_name = "document"
        verbose_name_plural = "documenten"

    def __str__(self):
        return f"{self.swv.code} – {self.titel}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("uploads:download", kwargs={"pk": self.pk})

    @property
    def periode(self) -> str:
        if self.periode_van and self.periode_tot and self.periode_van != self.periode_tot:
            return f"{self.periode_van}–{self.periode_tot}"
        return str(self.periode_van or self.periode_tot or "")
