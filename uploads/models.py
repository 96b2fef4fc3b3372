"""What SWV's supply themselves: their toelichting per theme and their documents."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from swv.models import Samenwerkingsverband
from uploads.markdown import render_markdown


class Thema(models.TextChoices):
    INTRO = "intro", "Introductie"
    ONDERSTEUNING = "ondersteuning", "Ondersteuning"
    FINANCIEN = "financien", "Financiën"
    ORGANISATIE = "organisatie", "Organisatie"


def of_swv(related_name: str):
    return models.ForeignKey(
        Samenwerkingsverband, on_delete=models.CASCADE, related_name=related_name, verbose_name="samenwerkingsverband"
    )


def by_user(editable: bool = False):
    """Who did something; the record stays when the account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=editable, related_name="+"
    )


class Toelichting(models.Model):
    """An SWV's own explanation of one theme: a draft being written and the published text."""

    MAX_LENGTH = 6000

    swv = of_swv("toelichtingen")
    thema = models.CharField(max_length=20, choices=Thema.choices)
    concept = models.TextField("concepttekst", blank=True, max_length=MAX_LENGTH)
    gepubliceerd = models.TextField("gepubliceerde tekst", blank=True, max_length=MAX_LENGTH, editable=False)
    gepubliceerd_op = models.DateTimeField(null=True, blank=True, editable=False)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    gewijzigd_door = by_user()
    # Optimistic locking: every write raises it; a form opened at an older version is refused.
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["swv__code", "thema"]
        constraints = [models.UniqueConstraint(fields=["swv", "thema"], name="toelichting_per_thema")]
        permissions = [("publish_toelichting", "Mag een toelichting publiceren")]
        verbose_name = "toelichting"
        verbose_name_plural = "toelichtingen"

    def __str__(self):
        return f"{self.swv.code} – {self.get_thema_display()}"

    @property
    def heeft_ongepubliceerde_wijziging(self) -> bool:
        return self.concept != self.gepubliceerd


class ToelichtingVersie(models.Model):
    """Every saved draft and every publication of a toelichting, with who and when; restorable."""

    class Status(models.TextChoices):
        CONCEPT = "concept", "concept"
        GEPUBLICEERD = "gepubliceerd", "gepubliceerd"

    toelichting = models.ForeignKey(Toelichting, on_delete=models.CASCADE, related_name="versies")
    tekst = models.TextField(blank=True, max_length=Toelichting.MAX_LENGTH)
    status = models.CharField(max_length=12, choices=Status.choices)
    door = by_user(editable=True)
    op = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-op", "-pk"]
        verbose_name = "versie van een toelichting"
        verbose_name_plural = "versies van toelichtingen"

    def __str__(self):
        return f"{self.toelichting} – {self.get_status_display()} {self.op:%d-%m-%Y %H:%M}"


class DocumentSoort(models.TextChoices):
    ONDERSTEUNINGSPLAN = "ondersteuningsplan", "Ondersteuningsplan"
    JAARPLAN = "jaarplan", "Jaarplan of activiteitenplan"
    JAARVERSLAG = "jaarverslag", "Jaarverslag en bestuursverslag"
    INSPECTIERAPPORT = "inspectierapport", "Inspectierapport"
    BELEIDSPLAN = "beleidsplan", "Project- of beleidsplan"
    TEVREDENHEID = "tevredenheid", "Tevredenheidsonderzoek ouders of leerlingen"


def document_path(instance, filename: str) -> str:
    """A generated name: nothing of the uploader's file name reaches the file system."""
    return f"documenten/{instance.swv.code}/{uuid.uuid4().hex}.pdf"


class DocumentQuerySet(models.QuerySet):
    def public(self):
        """What visitors may see: not withdrawn, and current or kept as history by the SWV."""
        return self.filter(ingetrokken_op__isnull=True).filter(
            models.Q(vervangen_door__isnull=True) | models.Q(bewaard_als_geschiedenis=True)
        )

    def current(self):
        """The public documents that no newer version replaced."""
        return self.filter(ingetrokken_op__isnull=True, vervangen_door__isnull=True)


class Document(models.Model):
    """A PDF an SWV publishes. A replaced version is no longer public unless the SWV keeps it as history;
    a withdrawn document is never public (staff still see it in the admin, with who withdrew it and why)."""

    swv = of_swv("documenten")
    soort = models.CharField(max_length=20, choices=DocumentSoort.choices)
    titel = models.CharField(max_length=200)
    periode_van = models.PositiveSmallIntegerField("van (jaar)", null=True, blank=True)
    periode_tot = models.PositiveSmallIntegerField("tot en met (jaar)", null=True, blank=True)
    bestand = models.FileField(upload_to=document_path)
    grootte = models.PositiveIntegerField("grootte in bytes", default=0, editable=False)
    geupload_op = models.DateTimeField(auto_now_add=True)
    geupload_door = by_user()
    vervangen_door = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="eerdere_versies"
    )
    bewaard_als_geschiedenis = models.BooleanField(
        "blijft openbaar als eerdere versie",
        default=False,
        help_text="Alleen voor een vervangen versie: aangevinkt blijft zij te downloaden als geschiedenis.",
    )
    ingetrokken_op = models.DateTimeField(null=True, blank=True, editable=False)
    ingetrokken_door = by_user()
    intrekking_reden = models.TextField("reden van intrekken", blank=True, max_length=1000, editable=False)
    # Optimistic locking: every save raises it; a form opened at an older version is refused.
    versie = models.PositiveIntegerField(default=1, editable=False)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["swv__code", "soort", "-geupload_op"]
        verbose_name = "document"
        verbose_name_plural = "documenten"

    def __str__(self):
        return f"{self.swv.code} – {self.titel}"

    def get_absolute_url(self):
        return reverse("uploads:download", kwargs={"pk": self.pk})

    def clean(self):
        errors = {}
        for name in ("periode_van", "periode_tot"):
            value = getattr(self, name)
            if value is not None and not 1990 <= value <= 2100:
                errors[name] = "Vul een jaartal in tussen 1990 en 2100."
        if not errors and self.periode_van and self.periode_tot and self.periode_tot < self.periode_van:
            errors["periode_tot"] = "Het eindjaar ligt vóór het beginjaar."
        if errors:
            raise ValidationError(errors)

    @property
    def is_ingetrokken(self) -> bool:
        return self.ingetrokken_op is not None

    @property
    def is_openbaar(self) -> bool:
        return not self.is_ingetrokken and (self.vervangen_door_id is None or self.bewaard_als_geschiedenis)

    @property
    def status(self) -> str:
        if self.is_ingetrokken:
            return "ingetrokken"
        if self.vervangen_door_id is None:
            return "huidige versie"
        return "vervangen, openbaar als geschiedenis" if self.bewaard_als_geschiedenis else "vervangen, niet openbaar"

    @property
    def periode(self) -> str:
        if self.periode_van and self.periode_tot and self.periode_van != self.periode_tot:
            return f"{self.periode_van}–{self.periode_tot}"
        return str(self.periode_van or self.periode_tot or "")


class SwvMedewerker(models.Model):
    """Links a user account to the SWV's whose texts and documents it may write (role SWV-medewerker)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="swv_medewerker")
    swvs = models.ManyToManyField(
        Samenwerkingsverband, related_name="medewerkers", verbose_name="samenwerkingsverbanden"
    )

    class Meta:
        verbose_name = "medewerker van een samenwerkingsverband"
        verbose_name_plural = "medewerkers van samenwerkingsverbanden"
        permissions = [("view_all_swvs", "Mag teksten en documenten van alle samenwerkingsverbanden inzien")]

    def __str__(self):
        return str(self.user)


class ZelfgerapporteerdCijfer(models.Model):
    """A figure the SWV reports itself (indicators with zelf_gerapporteerd=1), shown as such."""

    swv = of_swv("zelfgerapporteerde_cijfers")
    indicator = models.ForeignKey(
        "swv.Indicator",
        on_delete=models.PROTECT,
        limit_choices_to={"zelf_gerapporteerd": True},
        related_name="zelfgerapporteerde_cijfers",
    )
    jaar = models.PositiveSmallIntegerField(
        "kalenderjaar", validators=[MinValueValidator(2014), MaxValueValidator(2100)]
    )
    bedrag = models.DecimalField("bedrag (euro)", max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    toelichting = models.TextField(blank=True, max_length=2000)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    gewijzigd_door = by_user()

    class Meta:
        ordering = ["swv__code", "-jaar", "indicator__volgorde"]
        constraints = [models.UniqueConstraint(fields=["swv", "indicator", "jaar"], name="zelfgerapporteerd_uniek")]
        verbose_name = "zelfgerapporteerd cijfer"
        verbose_name_plural = "zelfgerapporteerde cijfers"

    def __str__(self):
        return f"{self.swv.code} – {self.indicator} {self.jaar}"

    def clean(self):
        if self.indicator_id and not self.indicator.zelf_gerapporteerd:
            raise ValidationError({"indicator": "Dit cijfer wordt geïmporteerd en kan niet zelf worden opgegeven."})

    @property
    def toelichting_html(self):
        return render_markdown(self.toelichting)
