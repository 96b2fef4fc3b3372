"""The filters of the open data, declared once with django-filter.

The API's model lists filter with these FilterSets (DjangoFilterBackend, which also documents them in the
OpenAPI document), and the open tables (swv.opendata.open_tables: /downloads/waarden.*, /api/v1/waarden,
...) read their query through `arguments`, the same FilterSet's form. So everywhere a code is read in every
spelling the sector writes it (swv.codes), a sector in any case, and a value that names nothing is refused
(never silently dropped, which would widen the selection to everything) with the same Dutch message."""

import django_filters as filters
from django import forms
from django.db.models import QuerySet
from drf_spectacular.drainage import set_override

from swv.caching import params
from swv.codes import gemeente_code, normalize_swv_code
from swv.figures import is_period_label
from swv.models import Gemeente, Indicator, Leerlingtelling, PublicatieWaarde, Samenwerkingsverband, Sector
from swv.opendata.tables import NIVEAUS, PUPILS
from swv.selectors.indeling import current_indeling


class UnknownFilter(ValueError):
    """A filter value that names nothing; `errors` says per parameter why, for the caller to tell the user."""

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__("; ".join(f"{name}: {' '.join(reasons)}" for name, reasons in errors.items()))


def _choose(choices) -> dict:
    return {"invalid_choice": f"Kies uit: {', '.join(value for value, _ in choices)}."}


class _UpperChoiceField(filters.fields.ChoiceField):
    def to_python(self, value):
        return super().to_python(value).upper()


class SectorFilter(filters.ChoiceFilter):
    """?sector=PO or VO, in any case."""

    field_class = _UpperChoiceField

    def __init__(self, **kwargs):
        super().__init__(
            choices=Sector.choices, error_messages=_choose(Sector.choices), help_text="PO of VO.", **kwargs
        )


class _RepeatedInput(forms.TextInput):
    """A parameter that may come more than once (?swv=PO3009&swv=VO2001): every value."""

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)


class _CodesField(forms.Field):
    widget = _RepeatedInput

    def __init__(self, *, normalise, **kwargs):
        self.normalise = normalise
        super().__init__(**kwargs)

    def to_python(self, value) -> list[str]:
        raws = [raw for raw in (value if isinstance(value, list) else [value or ""]) if raw.strip()]
        codes = [self.normalise(raw) for raw in raws]
        wrong = [raw for raw, code in zip(raws, codes, strict=True) if code is None]
        if wrong:
            raise forms.ValidationError("onbekende code: %(code)s", params={"code": wrong[0][:30]})
        return codes


class CodesFilter(filters.Filter):
    """One or more codes, each in any spelling `normalise` reads (None: not a code, refused)."""

    field_class = _CodesField

    def __init__(self, *, normalise, help_text: str, **kwargs):
        super().__init__(normalise=normalise, **kwargs)
        # The OpenAPI document: a repeatable parameter of strings (drf-spectacular reads this override).
        set_override(self, "field", {"type": "array", "items": {"type": "string"}, "description": help_text})


def _periode(value: str) -> None:
    if value and not is_period_label(value):
        raise forms.ValidationError(
            "ongeldige periode: %(periode)s (schrijf 2024-10-01, 2023-2024 of 2023)", params={"periode": value[:30]}
        )


class SamenwerkingsverbandFilter(filters.FilterSet):
    sector = SectorFilter()

    class Meta:
        model = Samenwerkingsverband
        fields = ["sector"]


class GemeenteFilter(filters.FilterSet):
    swv = CodesFilter(
        normalise=normalize_swv_code,
        method="of_swvs",
        help_text="Alleen de gemeenten van deze samenwerkingsverbanden (huidige indeling).",
    )

    class Meta:
        model = Gemeente
        fields = ["swv"]

    def of_swvs(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        links = {"swv_relaties__swv__code__in": value, "swv_relaties__indeling": current_indeling()}
        return queryset.filter(**links).distinct()


class IndicatorFilter(filters.FilterSet):
    thema = filters.ChoiceFilter(choices=Indicator.Thema.choices, error_messages=_choose(Indicator.Thema.choices))
    sector = SectorFilter(method="for_sector")

    class Meta:
        model = Indicator
        fields = ["thema", "sector"]

    def for_sector(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(sector__in=["", value])  # "" is an indicator of both sectors


# The unit filters that select rows at each niveau (as tables.value_rows reads them). Another one would be
# dropped without a word, widening the selection to everything, so it is refused as a value that names nothing.
UNIT_FILTERS = {"swv": ("sector", "swv"), "gemeente": ("gemeente",), "land": ()}


class _WaardenForm(forms.Form):
    def clean(self):
        data = super().clean()
        if "niveau" not in self.errors:
            niveau = data.get("niveau") or "swv"
            for name in ("sector", "swv", "gemeente"):
                if data.get(name) and name not in UNIT_FILTERS[niveau]:
                    self.add_error(name, f"geldt niet bij niveau={niveau}.")
        return data


class WaardenFilter(filters.FilterSet):
    """The values' filters; the rows are selected by swv.opendata.tables / published, not by this queryset.
    A unit filter the niveau does not apply (?gemeente= at niveau swv) is refused."""

    niveau = filters.ChoiceFilter(
        choices=[(n, n) for n in NIVEAUS], error_messages=_choose([(n, n) for n in NIVEAUS]), help_text="Standaard swv."
    )
    sector = SectorFilter()
    swv = CodesFilter(
        normalise=normalize_swv_code, help_text="Een of meer codes, zoals PO3009 (ook PO 30-09); bij niveau swv."
    )
    gemeente = CodesFilter(
        normalise=gemeente_code, help_text="Een of meer CBS-codes, zoals GM0363; bij niveau gemeente."
    )
    indicator = CodesFilter(normalise=str.strip, help_text="Een of meer indicatorcodes.")
    periode = filters.CharFilter(validators=[_periode], help_text="Bijvoorbeeld 2024-10-01, 2023-2024 of 2023.")

    class Meta:
        model = PublicatieWaarde
        fields = ["niveau", "sector", "swv", "gemeente", "indicator", "periode"]
        form = _WaardenForm


def _cijfer(value: str) -> None:
    school_level = set(Indicator.objects.filter(niveau=Indicator.Niveau.VESTIGING).values_list("code", flat=True))
    if value and value != PUPILS and value not in school_level:
        raise forms.ValidationError(
            "Kies uit: %(keuze)s.", params={"keuze": ", ".join([PUPILS, *sorted(school_level)])}
        )


def _brin6(raw: str) -> str | None:
    code = raw.strip().upper()
    return code if len(code) == 6 and code.isalnum() else None


class ScholenFilter(filters.FilterSet):
    """The school level's filters; the rows are built by swv.opendata.tables.school_rows."""

    swv = CodesFilter(
        normalise=normalize_swv_code, help_text="Een of meer codes, zoals PO3009: de scholen die daar tellen."
    )
    sector = SectorFilter()
    periode = filters.CharFilter(validators=[_periode], help_text="Bijvoorbeeld 2019-10-01.")
    cijfer = filters.CharFilter(
        validators=[_cijfer],
        help_text="'leerlingen' (DUO's telling per soort) of de code van een indicator per school.",
    )
    vestiging = CodesFilter(normalise=_brin6, help_text="Een of meer BRIN6-codes, zoals 04UU00.")

    class Meta:
        model = Leerlingtelling
        fields = ["swv", "sector", "periode", "cijfer", "vestiging"]


# Every filter's query parameter as the page cache keys by it (swv.caching.params): a name means the same in
# every list and download, and a FilterSet's filters are the parameters its views declare (`patterns`).
PATTERNS = {
    "niveau": params.NIVEAU,
    "sector": params.SECTOR,
    "swv": params.many(params.SWV),
    "gemeente": params.many(params.GEMEENTE),
    "indicator": params.many(params.INDICATOR),
    "cijfer": params.INDICATOR,
    "periode": params.PERIODE,
    "vestiging": params.many(params.BRIN6),
    "thema": params.WORD,
}


def patterns(filterset: type[filters.FilterSet]) -> dict[str, str]:
    return {name: PATTERNS[name] for name in filterset.base_filters}


def arguments(filterset: type[filters.FilterSet], query) -> dict:
    """The filters given in the query, cleaned by the FilterSet's form, as keyword arguments of the rows'
    function (named as the query parameters; one not given is left to the function's default);
    UnknownFilter with the form's errors per parameter for a value that names nothing."""
    form = filterset(query).form
    if not form.is_valid():
        raise UnknownFilter({name: list(reasons) for name, reasons in form.errors.items()})
    return {name: value for name, value in form.cleaned_data.items() if value not in ("", [], None)}
