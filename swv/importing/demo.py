"""Plausible fictional figures for every indicator, so pages over the real structure can be seen whole.

Every value is stored with fictief=True and pages label it. An indicator that has any real value is
left alone, and a real import of an indicator removes its fictional values. Values come from a
random generator seeded by SWV or gemeente code, so running this twice changes nothing.
"""

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction

from swv.figures import period_of
from swv.importing.fields import SUPPRESSED
from swv.importing.values import replace_values, value_row
from swv.models import Gemeente, Indicator, Samenwerkingsverband, Waarde
from swv.services.sync import Changes

YEARS = (2021, 2022, 2023, 2024)
MISSING_SHARE = 0.04  # some SWV's do not deliver a figure: pages must show 'niet aangeleverd'


def _periods(kind: str) -> list[tuple[str, dt.date]]:
    if kind == "teldatum":
        return [period_of(dt.date(y, 10, 1), "teldatum") for y in YEARS]
    if kind == "schooljaar":
        return [period_of(f"{y}-{y + 1}", "schooljaar") for y in YEARS]
    return [period_of(y, "jaar") for y in YEARS]


def _count(value: float):
    number = max(0, round(value))
    return SUPPRESSED if 1 <= number <= 4 else number


def _swv_year(rng: random.Random, sector: str, pupils: int, step: int) -> dict:
    """One SWV's figures for one year; `step` nudges them so series move a little."""
    po = sector == "PO"
    drift = 1 + 0.02 * step * rng.uniform(-1, 1)
    per_pupil_light = rng.uniform(150, 210) if po else rng.uniform(100, 150)
    per_pupil_heavy = rng.uniform(430, 560) if po else rng.uniform(380, 520)
    light, heavy = pupils * per_pupil_light, pupils * per_pupil_heavy
    lwoo = 0 if po else pupils * rng.uniform(260, 340)
    pro = 0 if po else pupils * rng.uniform(200, 290)
    reserves = (light + heavy) * rng.uniform(0.03, 0.22)
    needed = (light + heavy) * rng.uniform(0.04, 0.09)
    values = {
        "leerlingen_totaal": pupils,
        "verplaatsingen": Decimal(str(round(rng.uniform(0.6, 3.2), 1))),
        "aanbod_tussenvoorziening": rng.randint(0, 6),
        "ondersteuningsbudget": round(light + heavy + lwoo + pro),
        "budget_lichte_ondersteuning": round(light),
        "budget_zware_ondersteuning": round(heavy),
        "bedrag_lichte_per_leerling": round(Decimal(per_pupil_light), 2),
        "bedrag_zware_per_leerling": round(Decimal(per_pupil_heavy), 2),
        "verevening": round(rng.uniform(-0.08, 0.06) * (light + heavy)),
        "reserves": round(reserves),
        "weerstandsvermogen_benodigd": round(needed),
        "signaleringswaarde": round(needed * rng.uniform(1.4, 2.0)),
        "reserves_min_weerstandsvermogen": round(reserves) - round(needed),
        "besteding_centrale_voorzieningen": round((light + heavy) * rng.uniform(0.2, 0.5)),
        "middelen_naar_besturen": round((light + heavy) * rng.uniform(0.45, 0.75)),
        "geschillen": _count(pupils * rng.uniform(0, 0.0004)),
        "bezwaren_lbt": _count(pupils * rng.uniform(0, 0.0006)),
    }
    kinds = ("sbo", "so") if po else ("vso", "pro")
    shares = (
        (rng.uniform(0.011, 0.028), rng.uniform(0.012, 0.022))
        if po
        else (rng.uniform(0.025, 0.048), rng.uniform(0.022, 0.045))
    )
    for kind, share in zip(kinds, shares, strict=True):
        count = round(pupils * share * drift)
        values[f"leerlingen_{kind}"] = count
        values[f"deelname_{kind}"] = Decimal(count * 100) / Decimal(pupils)
        values[f"verblijfsduur_{kind}"] = Decimal(str(round(rng.uniform(2.2, 5.8), 1)))
        values[f"aanbod_{kind}"] = rng.randint(1, 6)
    if not po:
        values["budget_lwoo"], values["budget_pro"] = round(lwoo), round(pro)
    return values


def _swv_organisation(rng: random.Random) -> tuple[dict, dt.date]:
    judgment_day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 5 * 365))
    return {
        "rechtsvorm": "vereniging" if rng.random() < 0.12 else "stichting",
        "bestuursmodel": rng.choices(
            [
                "bestuur en directie",
                "raad van toezicht",
                "raad van beheer",
                "one-tier bestuur",
                "algemene ledenvergadering",
            ],
            weights=[30, 40, 12, 10, 8],
        )[0],
        "onafhankelijk_toezicht": rng.random() < 0.8,
        "inspectie_oordeel": rng.choices(["onvoldoende", "voldoende", "goed"], weights=[6, 80, 14])[0],
    }, judgment_day


def _gemeente_year(rng: random.Random, youth: int) -> dict:
    pupils = round(youth * 0.78)
    return {
        "leerplichtigen": pupils,
        "verzuim_absoluut": _count(pupils * rng.uniform(0, 0.0015)),
        "verzuim_relatief": _count(pupils * rng.uniform(0.005, 0.03)),
        "verzuim_langdurig_relatief": _count(pupils * rng.uniform(0, 0.003)),
        "vrijstelling_5a": _count(pupils * rng.uniform(0.001, 0.004)),
        "thuiszitters": _count(pupils * rng.uniform(0, 0.0015)),
        "jeugdigen": youth,
        "jeugdzorg_jongeren": round(youth * rng.uniform(0.08, 0.15)),
    }


def _national(year_index: int) -> dict:
    growth = 1.035**year_index
    return {
        "bekostiging_lumpsum_po": round(10_900_000_000 * growth),
        "bekostiging_lumpsum_vo": round(8_700_000_000 * growth),
        "bekostiging_onderwijsachterstanden": round(860_000_000 * growth),
        "bekostiging_jeugdzorg": round(5_600_000_000 * growth),
        "bekostiging_passend_onderwijs": round(3_100_000_000 * growth),
    }


class _Collector:
    def __init__(self, indicators: dict[str, Indicator]):
        self.indicators = indicators
        self.rows: dict[str, list[dict]] = {}
        self.periods: dict[str, set[str]] = {}

    def add(self, code: str, periode: str, peildatum: dt.date, value, rng: random.Random, **subject):
        indicator = self.indicators.get(code)
        if indicator is None:
            return
        if rng.random() < MISSING_SHARE:
            value = None
        self.rows.setdefault(code, []).append(value_row(code, periode, peildatum, value, **subject))
        self.periods.setdefault(code, set()).add(periode)


@transaction.atomic
def fill_demo_figures() -> Changes:
    real = set(Waarde.objects.filter(fictief=False).values_list("indicator__code", flat=True).distinct())
    indicators = {i.code: i for i in Indicator.objects.exclude(code__in=real)}
    out = _Collector(indicators)
    for swv in Samenwerkingsverband.objects.all():
        rng = random.Random(f"demo:{swv.code}")
        pupils = rng.randint(9_000, 42_000) if swv.sector == "PO" else rng.randint(6_000, 30_000)
        for step, year in enumerate(YEARS):
            pupils = round(pupils * rng.uniform(0.98, 1.01))
            figures = _swv_year(rng, swv.sector, pupils, step)
            for code, value in figures.items():
                kind = indicators[code].periode_soort if code in indicators else "jaar"
                periode, peildatum = (
                    period_of(dt.date(year, 10, 1), "datum") if kind == "peildatum" else _periods(kind)[step]
                )
                out.add(code, periode, peildatum, value, rng, swv_id=swv.pk)
        organisation, judged = _swv_organisation(rng)
        for code, value in organisation.items():
            day = judged if code == "inspectie_oordeel" else dt.date(YEARS[-1], 1, 1)
            out.add(code, day.isoformat(), day, value, rng, swv_id=swv.pk)
    for gemeente in Gemeente.objects.filter(geldig_tot__isnull=True):
        rng = random.Random(f"demo:{gemeente.code}")
        youth = round(rng.lognormvariate(9.1, 0.8))
        for step, _year in enumerate(YEARS):
            for code, value in _gemeente_year(rng, youth).items():
                kind = indicators[code].periode_soort if code in indicators else "jaar"
                periode, peildatum = _periods(kind)[step]
                out.add(code, periode, peildatum, value, rng, gemeente_id=gemeente.pk)
    for step, _year in enumerate(YEARS):
        rng = random.Random(f"demo:nl:{step}")
        for code, value in _national(step).items():
            periode, peildatum = _periods("jaar")[step]
            out.add(code, periode, peildatum, value, rng)
    changes = Changes()
    for code, rows in out.rows.items():
        changes.add(replace_values(indicator_codes=[code], periods=out.periods[code], desired=rows, fictief=True))
    return changes
