"""Forms SWV staff fill in the admin; the writes themselves go through uploads.services."""

from django import forms
from django.core.exceptions import ValidationError

from uploads.models import Document, Toelichting, ZelfgerapporteerdCijfer
from uploads.validators import MAX_DOCUMENT_BYTES, validate_pdf, validate_toelichting_length


class ToelichtingForm(forms.ModelForm):
    class Meta:
        model = Toelichting
        fields = ["swv", "thema", "concept"]
        help_texts = {
            "concept": (
                "Alinea's (witregel ertussen), lijstjes (regels die beginnen met - of 1.), **vet**, *cursief* "
                "en links als [tekst](https://voorbeeld.nl). Andere opmaak en HTML worden weggelaten. "
                f"Hooguit {Toelichting.MAX_LENGTH} tekens."
            )
        }
        error_messages = {
            "concept": {
                "max_length": "De toelichting is te lang: %(show_value)d tekens, het maximum is %(limit_value)d."
            }
        }

    def clean_concept(self):
        tekst = (self.cleaned_data.get("concept") or "").replace("\r\n", "\n").strip()
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


class DocumentChangeForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["soort", "titel", "periode_van", "periode_tot"]
        help_texts = PERIODE_HELP


class ZelfgerapporteerdCijferForm(forms.ModelForm):
    class Meta:
        model = ZelfgerapporteerdCijfer
        fields = ["swv", "indicator", "jaar", "bedrag", "toelichting"]
