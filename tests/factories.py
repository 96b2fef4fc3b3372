"""Small synthetic data for the app tests (factory-boy), independent of which SWV's the open data holds.

Codes are drawn from ranges the sector does not use (SWV 9900-9999, gemeente GM9000-, PC4 9000-, BRIN
99AA-), so a test built from these finds only its own rows whether or not the session loaded the real
data. The indicators are the catalogue's own rows (migrate loads `swv/data/indicatoren.csv`): a factory
for one of them gets it by code.

    swv = SamenwerkingsverbandFactory(sector="PO")
    region = RegionFactory(swv=swv)                  # indeling, gemeente, PC4 and the SWV-gemeente link
    WaardeFactory(swv=swv, indicator__code="leerlingen_totaal", getal=1200)
    DocumentFactory(swv=swv)                          # a real one-page PDF
    user = UserFactory(role=SWV_MEDEWERKER, swvs=[swv])
"""

import datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from swv.figures import period_of
from swv.models import (
    Gemeente,
    ImportRun,
    Indeling,
    Indicator,
    Leerlingtelling,
    Melding,
    Postcodegebied,
    Samenwerkingsverband,
    Schoolbestuur,
    Schoolcijfer,
    Sector,
    SwvGemeente,
    Vestiging,
    Waarde,
)
from tests.pdf_corpus import build_pdf
from uploads.models import Document, DocumentSoort, SwvMedewerker, Toelichting, ZelfgerapporteerdCijfer

PASSWORD = "een-lang-testwachtwoord-42"
# After every indeling and period of the open data, so the synthetic ones are the current ones in their test.
LATEST_YEAR = 2090
INDELING_DATE = datetime.date(LATEST_YEAR, 8, 1)


class SamenwerkingsverbandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Samenwerkingsverband
        django_get_or_create = ("code",)

    sector = Sector.PO
    code = factory.LazyAttributeSequence(lambda o, n: f"{o.sector}{9900 + n % 100:04d}")
    naam = factory.Sequence(lambda n: f"Samenwerkingsverband Proefregio {n}")
    straat = "Proeflaan 1"
    postcode = "9999 ZZ"
    plaats = "Proefdorp"
    telefoon = "012-3456789"
    email = factory.LazyAttribute(lambda o: f"info@{o.code.lower()}.example.org")
    website = factory.LazyAttribute(lambda o: f"https://{o.code.lower()}.example.org")


class GemeenteFactory(factory.django.DjangoModelFactory):
    """A current gemeente with a CBS code no gemeente has (GM9000 and up); an existing code gets that one."""

    class Meta:
        model = Gemeente
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"GM{9000 + n % 1000:04d}")
    naam = factory.Sequence(lambda n: f"Proefgemeente {n}")


class IndelingFactory(factory.django.DjangoModelFactory):
    """The synthetic indeling, dated after every real one: the current one in its test. Every factory of a
    test that needs an indeling shares this one (got or created by its date)."""

    class Meta:
        model = Indeling
        django_get_or_create = ("geldig_vanaf",)

    naam = "Proefindeling"
    geldig_vanaf = INDELING_DATE


class PostcodegebiedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Postcodegebied

    indeling = factory.SubFactory(IndelingFactory)
    pc4 = factory.Sequence(lambda n: f"{9000 + n % 1000:04d}")
    gemeente = factory.SubFactory(GemeenteFactory)
    gemeente_bron = factory.LazyAttribute(lambda o: o.gemeente.naam)


class SwvGemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SwvGemeente

    indeling = factory.SubFactory(IndelingFactory)
    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    sector = factory.SelfAttribute("swv.sector")
    gemeente = factory.SubFactory(GemeenteFactory)
    gemeente_bron = factory.LazyAttribute(lambda o: o.gemeente.naam)


class RegionFactory(SwvGemeenteFactory):
    """An SWV's region in the (synthetic, current) indeling: one whole gemeente and its PC4 areas, each
    with the SWV for its sector (`pc4s=[...]` names them; one by default)."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def pc4s(self, create, extracted, **kwargs):
        for pc4 in extracted if extracted is not None else [PostcodegebiedFactory.build().pc4]:
            field = "po_swv" if self.swv.sector == Sector.PO else "vo_swv"
            PostcodegebiedFactory(indeling=self.indeling, pc4=pc4, gemeente=self.gemeente, **{field: self.swv})


class SchoolbestuurFactory(factory.django.DjangoModelFactory):
    """A school board (bevoegd gezag) with a number DUO does not give out: six digits (DUO's have five,
    also from 90000 up, so a five-digit one collides with the open data after a few hundred schools)."""

    class Meta:
        model = Schoolbestuur

    nummer = factory.Sequence(lambda n: f"9{n % 100000:05d}")
    naam = factory.Sequence(lambda n: f"Stichting Proefscholen {n}")


class VestigingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vestiging

    brin4 = factory.Sequence(
        lambda n: f"99{'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[n // 26 % 26]}{'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[n % 26]}"
    )
    brin6 = factory.LazyAttribute(lambda o: f"{o.brin4}00")
    naam = factory.Sequence(lambda n: f"Proefschool {n}")
    soort = "bo"
    postcode = "9999 ZZ"
    pc4 = "9999"
    plaats = "Proefdorp"
    bestuur = factory.SubFactory(SchoolbestuurFactory)
    swv = factory.SubFactory(SamenwerkingsverbandFactory)


class LeerlingtellingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Leerlingtelling

    bron = "duo_leerlingen_po"
    peildatum = datetime.date(LATEST_YEAR, 10, 1)
    brin6 = factory.Sequence(lambda n: f"99ZZ{n % 100:02d}")
    soort = Leerlingtelling.Soort.BO
    aantal = 200
    swv = factory.SubFactory(SamenwerkingsverbandFactory)


class SchoolcijferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Schoolcijfer

    indicator = factory.LazyFunction(lambda: Indicator.objects.get(code="verplaatsingen_school"))
    brin6 = factory.Sequence(lambda n: f"99ZZ{n % 100:02d}")
    periode = f"{LATEST_YEAR}-10-01"
    peildatum = datetime.date(LATEST_YEAR, 10, 1)
    teller = 5
    noemer = 200
    getal = Decimal("2.5")


class IndicatorFactory(factory.django.DjangoModelFactory):
    """A catalogue indicator by code (the catalogue is in the database after migrate)."""

    class Meta:
        model = Indicator
        django_get_or_create = ("code",)

    code = "leerlingen_totaal"


class ImportRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportRun

    bron = "leerlingen"
    bestandsnaam = "leerlingen-proef.csv"
    checksum = "0" * 64
    status = ImportRun.Status.GELUKT


_PERIOD_KINDS = {"teldatum": "teldatum", "peildatum": "datum", "schooljaar": "schooljaar", "kalenderjaar": "jaar"}


def _period(waarde) -> tuple[str, datetime.date]:
    """The period label and peildatum of `jaar` as a source of this indicator's period kind writes them."""
    kind = _PERIOD_KINDS[waarde.indicator.periode_soort]
    value = {"schooljaar": f"{waarde.jaar}-{waarde.jaar + 1}", "jaar": waarde.jaar}.get(kind)
    return period_of(value or datetime.date(waarde.jaar, 10, 1), kind)


class WaardeFactory(factory.django.DjangoModelFactory):
    """A delivered value of an SWV (`swv=None, gemeente=...` for a gemeente, both None for the country).

    `jaar` gives the period in the indicator's own kind (teldatum 1 October, school year, calendar year);
    by default one after every period of the open data, so it is the current value in its test."""

    class Meta:
        model = Waarde

    class Params:
        jaar = LATEST_YEAR

    indicator = factory.SubFactory(IndicatorFactory)
    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    periode = factory.LazyAttribute(lambda o: _period(o)[0])
    peildatum = factory.LazyAttribute(lambda o: _period(o)[1])
    getal = Decimal(100)
    status = Waarde.Status.GELEVERD


class UserFactory(factory.django.DjangoModelFactory):
    """A staff account with the test password; `role` a role group's name, `swvs` the SWV's it works for."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medewerker-{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    is_staff = True
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(Group.objects.get(name=extracted))

    @factory.post_generation
    def swvs(self, create, extracted, **kwargs):
        if extracted:
            SwvMedewerker.objects.create(user=self).swvs.set(extracted)


class ToelichtingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Toelichting

    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    thema = "financien"
    concept = "Wij sparen **bewust**."
    gepubliceerd = factory.SelfAttribute("concept")


class DocumentFactory(factory.django.DjangoModelFactory):
    """A published document with a real one-page PDF (stored in MEDIA_ROOT)."""

    class Meta:
        model = Document

    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    soort = DocumentSoort.ONDERSTEUNINGSPLAN
    titel = "Ondersteuningsplan 2022-2026"
    periode_van = 2022
    periode_tot = 2026
    bestand = factory.LazyFunction(lambda: ContentFile(build_pdf(), name="plan.pdf"))
    grootte = factory.LazyAttribute(lambda o: o.bestand.size)


class ZelfgerapporteerdCijferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ZelfgerapporteerdCijfer

    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    indicator = factory.SubFactory(IndicatorFactory, code="middelen_naar_besturen")  # one the SWV reports itself
    jaar = 2024
    bedrag = Decimal("125000.00")


class MeldingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Melding

    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    indicator = factory.SubFactory(IndicatorFactory)
    periode = "2024-10-01"
    getoonde_waarde = "1.200"
    omschrijving = "Dit aantal leerlingen is te hoog."
