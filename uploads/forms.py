"""Forms SWV staff fill in the admin; the writes themselves go through uploads.services."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from uploads.models import Document, Toelichting, ZelfgerapporteerdCijfer
from uploads.services import STALE_MESSAGE, normalise
from uploads.validators import MAX_DOCUMENT_BYTES, validate_pdf, validate_toelichting_length


class OpenedVersionForm(forms.ModelForm):
    """Carries the version of the object the form was opened at (optimistic locking). A save from a form
    opened before someone else's save is refused with both versions shown (`conflict` holds what is stored
    now); the form then carries the new version, so saving again after reading both is a deliberate overwrite.
    """

    geopend_versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        if self.instance.pk:
            self.fields["geopend_versie"].initial = self.instance.versie

    def clean(self):
        cleaned = super().clean()
        opened = cleaned.get("geopend_versie")
        if self.instance.pk and opened is not None:
            current = type(self.instance)._default_manager.filter(pk=self.instance.pk).first()
            if current is not None and current.versie != opened:
                self.conflict = current
                self.data = self.data.copy()
                self.data[self.add_prefix("geopend_versie")] = current.versie
                raise ValidationError(STALE_MESSAGE, code="stale")
        return cleaned


class ToelichtingForm(OpenedVersionForm):
    class Meta:
        model = Toelichting
        fields = ["swv", "thema", "concept"]
        help_texts = {
            "concept": (
                "Maak tekst vet of cursief, een opsomming of een link met de knoppen boven het tekstvak; "
                "eronder ziet u meteen hoe het op de pagina komt. Een lege regel begint een nieuwe alinea. "
                "Andere opmaak en HTML worden weggelaten. "
                f"Hooguit {Toelichting.MAX_LENGTH} tekens."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Length is counted after line breaks are normalised (a browser sends CRLF, the site stores LF),
        # in clean_concept; the field's own check would count every CRLF as two characters.
        if "concept" in self.fields:  # absent for readers, who see the text read-only
            concept = self.fields["concept"]
            concept.validators = [v for v in concept.validators if not isinstance(v, MaxLengthValidator)]

    def clean_concept(self):
        tekst = normalise(self.cleaned_data.get("concept"))
        validate_toelichting_length(tekst, Toelichting.MAX_LENGTH)
        return tekst


PERIODE_HELP = {
    "periode_van": "Bij een plan het eerste jaar van de planperiode; bij een verslag of rapport het jaar.",
    "periode_tot": "Bij een plan het laatste jaar van de planperiode; anders leeg laten.",
}


class DocumentUploadForm(forms.ModelForm):
    bestand = forms.FileField(
        label="PDF-bestand",
        validators=[validate_pdf],
        help_text=f"Alleen PDF, hooguit {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    vervangt = forms.ModelChoiceField(
        queryset=Document.objects.none(),
        required=False,
        label="Vervangt document",
        help_text="Kies het document dat deze versie vervangt; het oude blijft beschikbaar als eerdere versie.",
    )

    class Meta:
        model = Document
        fields = ["swv", "soort", "titel", "periode_van", "periode_tot"]
        help_texts = PERIODE_HELP

    def clean(self):
        cleaned = super().clean()
        vervangt, swv = cleaned.get("vervangt"), cleaned.get("swv")
        if vervangt is not None and swv is not None and vervangt.swv_id != swv.pk:
            raise ValidationError({"vervangt": "Kies een document van hetzelfde samenwerkingsverband."})
        return cleaned


class DocumentChangeForm(OpenedVersionForm):
    class Meta:
        model = Document
        fields = ["soort", "titel", "periode_van", "periode_tot", "bewaard_als_geschiedenis"]
        help_texts = PERIODE_HELP


class IntrekkenForm(forms.Form):
    reden = forms.CharField(
        label="Waarom trekt u dit document in?",
        min_length=5,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Bijvoorbeeld: verkeerd bestand geplaatst. De reden is alleen zichtbaar in het beheer.",
        error_messages={
            "required": "Schrijf kort waarom het document wordt ingetrokken.",
            "min_length": "Schrijf kort waarom het document wordt ingetrokken.",
        },
    )


class ZelfgerapporteerdCijferForm(forms.ModelForm):
    class Meta:
        model = ZelfgerapporteerdCijfer
        fields = ["swv", "indicator", "jaar", "bedrag", "toelichting"]
