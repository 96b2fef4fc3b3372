"""Serializers of the open data API: model fields for the registers, plain rows for the figures."""

import datetime as dt

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from swv.models import NIET_VAN_TOEPASSING, Gemeente, Indicator, Samenwerkingsverband, Waarde
from swv.opendata.tables import NIVEAUS
from swv.selectors.indeling import current_indeling
from swv.selectors.names import display_name


class SamenwerkingsverbandSerializer(serializers.ModelSerializer):
    naam = serializers.SerializerMethodField(help_text="De naam zoals de site hem toont.")
    code_leesbaar = serializers.CharField(read_only=True, help_text="De code zoals de sector hem schrijft: PO 30-09.")
    pagina = serializers.SerializerMethodField(help_text="De pagina van het samenwerkingsverband op de site.")
    url = serializers.HyperlinkedIdentityField(view_name="api:samenwerkingsverband-detail", lookup_field="code")
    cijfers = serializers.HyperlinkedIdentityField(view_name="api:samenwerkingsverband-cijfers", lookup_field="code")

    class Meta:
        model = Samenwerkingsverband
        fields = (
            "code code_leesbaar sector naam straat postcode plaats telefoon email website pagina url cijfers".split()
        )

    def get_naam(self, obj) -> str:
        names = self.context.get("namen")  # one cache read per request instead of one per SWV
        if names is None:
            return display_name(obj)
        return obj.naam or names.get(obj.pk, obj.code)

    def get_pagina(self, obj) -> str:
        request = self.context.get("request")
        url = obj.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class VergelijkingsgroepSerializer(serializers.Serializer):
    kwartiel = serializers.IntegerField(help_text="1 = de kleinste kwart, 4 = de grootste kwart van de sector.")
    naam = serializers.CharField()
    minimum_leerlingen = serializers.FloatField(source="minimum")
    maximum_leerlingen = serializers.FloatField(source="maximum")
    teldatum = serializers.DateField(source="point.peildatum")
    samenwerkingsverbanden = serializers.ListField(child=serializers.CharField(), source="codes")


class GemeenteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Gemeente
        fields = ["code", "naam", "geldig_vanaf", "geldig_tot"]


class IndelingSerializer(serializers.Serializer):
    naam = serializers.CharField(help_text="De regeling waar de regio's uit komen.")
    geldig_vanaf = serializers.DateField(help_text="De datum vanaf wanneer deze indeling geldt.")


class SamenwerkingsverbandDetailSerializer(SamenwerkingsverbandSerializer):
    gemeenten = GemeenteSerializer(many=True, read_only=True, source="huidige_gemeenten")
    vergelijkingsgroep = VergelijkingsgroepSerializer(read_only=True, allow_null=True, source="groep")
    indeling = serializers.SerializerMethodField(help_text="De regio-indeling waar gemeenten en regio uit komen.")

    class Meta(SamenwerkingsverbandSerializer.Meta):
        fields = [*SamenwerkingsverbandSerializer.Meta.fields, "gemeenten", "vergelijkingsgroep", "indeling"]

    @extend_schema_field(IndelingSerializer(allow_null=True))
    def get_indeling(self, obj) -> dict | None:
        indeling = current_indeling()
        return IndelingSerializer(indeling).data if indeling else None


class IndicatorSerializer(serializers.ModelSerializer):
    downloads = serializers.SerializerMethodField(help_text="Alle waarden van deze indicator als CSV en JSON.")

    class Meta:
        model = Indicator
        fields = [
            *"code label thema onderwerp eenheid niveau sector periode_soort aggregatie noemer categorieen".split(),
            *"bron definitie kanttekening zelf_gerapporteerd downloads".split(),
        ]

    def get_downloads(self, obj) -> dict[str, str]:
        request = self.context.get("request")
        urls = {fmt: f"/downloads/indicator/{obj.code}.{fmt}" for fmt in ("csv", "json")}
        return {fmt: request.build_absolute_uri(url) if request else url for fmt, url in urls.items()}


def _number(help_text: str | None = None) -> serializers.FloatField:
    """A number that may be absent (null): <5, not delivered, no average."""
    return serializers.FloatField(allow_null=True, help_text=help_text)


def _text(help_text: str | None = None) -> serializers.CharField:
    """A text that may be empty: a column that only some rows fill."""
    return serializers.CharField(allow_blank=True, help_text=help_text)


# nvt: the figure does not apply to this unit (a PO-only figure for a VO SWV); never 'niet_geleverd'.
_STATUS = [*Waarde.Status.values, NIET_VAN_TOEPASSING]


class _ValueFields(serializers.Serializer):
    indicator = serializers.CharField()
    label = serializers.CharField()
    thema = serializers.CharField()
    onderwerp = serializers.CharField()
    eenheid = serializers.CharField()
    periode = serializers.CharField(help_text="Leeg als er voor dit cijfer niets is aangeleverd.")
    peildatum = serializers.DateField(allow_null=True)
    waarde = _number("Het getal; leeg bij <5, niet aangeleverd of tekst.")
    tekst = _text("De waarde van een categorie (bijvoorbeeld stichting).")
    status = serializers.ChoiceField(
        choices=_STATUS,
        help_text="onderdrukt: een aantal van 1 tot en met 4 (<5), of een som of percentage met zo'n aantal erin; "
        "de waarde ligt dan tussen ondergrens en bovengrens.",
    )
    ondergrens = _number("Bij status onderdrukt: de kleinst mogelijke waarde.")
    bovengrens = _number("Bij status onderdrukt: de grootst mogelijke waarde.")
    geschat = serializers.BooleanField(
        help_text="Een gemeente ligt maar voor een deel in de regio en telt mee voor haar aandeel (zie verdeling)."
    )
    verdeling = _text(
        "Hoe gedeelde gemeenten meetellen: 'Amsterdam 12%' = het deel van de scholen van Amsterdam in "
        "deze regio; 'niet meegeteld' = zonder scholen om het deel te schatten."
    )
    fictief = serializers.BooleanField(help_text="Voorbeeldwaarde, geen echte data.")
    bron = serializers.CharField()
    peildatum_soort = serializers.CharField()


class WaardeSerializer(_ValueFields):
    niveau = serializers.ChoiceField(choices=NIVEAUS)
    swv = _text()
    swv_naam = _text()
    gemeente = _text()
    gemeente_naam = _text()
    sector = _text()
    opgeteld_uit_gemeenten = serializers.BooleanField()
    gemeenten_geleverd = serializers.IntegerField(allow_null=True)
    gemeenten_totaal = serializers.IntegerField(allow_null=True)


class CijferSerializer(_ValueFields):
    swv = serializers.CharField()
    swv_naam = serializers.CharField()
    sector = serializers.CharField()
    huidig = serializers.BooleanField(help_text="Dit is het cijfer dat de pagina van het samenwerkingsverband toont.")
    gemiddelde_sector = _number(
        "Gemiddelde over de samenwerkingsverbanden met een getal (zonder die met <5); "
        "de pagina toont het gemiddelde met hen erbij als bereik (gemiddelde_sector_ondergrens/-bovengrens)."
    )
    gemiddelde_sector_ondergrens = _number(
        "Gemiddelde met de samenwerkingsverbanden met <5 geteld als de ondergrens (1)."
    )
    gemiddelde_sector_bovengrens = _number(
        "Gemiddelde met de samenwerkingsverbanden met <5 geteld als de bovengrens (4)."
    )
    gemiddelde_vergelijkbare_grootte = _number()
    aandeel_van_noemer = _number()


class SchoolSerializer(serializers.Serializer):
    """One figure of one vestiging in one period: DUO's pupils per soort, or a school-level indicator."""

    vestiging = serializers.CharField(help_text="BRIN6 van de vestiging, zoals 04UU00.")
    vestiging_naam = _text()
    pc4 = _text("De postcode (vier cijfers) die de regio bepaalt.")
    swv = _text("Het samenwerkingsverband waarbij de vestiging telt; leeg: buiten elke regio.")
    swv_naam = _text()
    sector = _text()
    cijfer = serializers.CharField(help_text="'leerlingen' of de code van een indicator per school.")
    label = serializers.CharField()
    soort = _text("Bij leerlingen: bo, sbo, so, vso, vo of pro.")
    periode = serializers.CharField()
    peildatum = serializers.DateField()
    waarde = _number()
    teller = serializers.IntegerField(allow_null=True, help_text="Bij een percentage: het aantal waarvan het komt.")
    noemer = serializers.IntegerField(allow_null=True, help_text="Bij een percentage: het aantal waarover het gaat.")
    eenheid = serializers.CharField()
    fictief = serializers.BooleanField(help_text="Voorbeeldwaarde, geen echte data.")
    bron = serializers.CharField()


def plain_data(serializer_class: type[serializers.Serializer], rows) -> list[dict]:
    """What `serializer_class(rows, many=True).data` gives for rows of plain values (text, numbers, booleans,
    None, dates), without DRF's calls per field: a tenth of the time for a page of values. Only for the
    row serializers above, whose fields are all such plain values (a test checks that both agree)."""
    fields = [(name, _PLAIN.get(type(field))) for name, field in serializer_class().fields.items()]
    return [
        {name: row[name] if make is None or row[name] is None else make(row[name]) for name, make in fields}
        for row in rows
    ]


# How DRF writes a value of these fields; the others it gives as they are.
_PLAIN = {serializers.FloatField: float, serializers.IntegerField: int, serializers.DateField: dt.date.isoformat}
