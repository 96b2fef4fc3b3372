"""Recompute, from the raw open-data files alone, every figure they determine, and compare it with the API.

Written apart from the importers on purpose (pandas on the published files; nothing of swv.importing,
swv.services or the figures engine is imported), so a mistake in the importers or the engine shows up
as a mismatch instead of being repeated here.

    python -m swv.opendata.verify_data --data-dir ../shared/data ../shared/data-new  # the site's own database
    python -m swv.opendata.verify_data --data-dir ../shared/data --api http://127.0.0.1:8000

Prints per figure how many values were checked and how many differ; exits 1 on any difference.

Adding a figure: a `check_x(data: DataDir, api: Api)` in CHECKS that yields a Result per figure (each compares
unit by unit), or one skipped Result when its source file is absent."""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import sys
import tarfile
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.request import urlopen

import django
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
PROJECT_DATA = ROOT / "swv" / "data"  # the herindelingen the project keeps (facts, not code)
TOLERANCE = 1e-4  # values are stored with four decimals


# --- Access to the raw files and the API ---------------------------------------------------------------


@dataclass
class DataDir:
    """One or more open-data folders; the .tar.xz archives in them (fixtures/opendata) are unpacked once."""

    roots: list[Path]
    _unpacked: list[Path] = field(default_factory=list)

    def __post_init__(self):
        for root in self.roots:
            for archive in sorted(root.rglob("*.tar.xz")):
                target = Path(tempfile.mkdtemp(prefix="verify-"))
                with tarfile.open(archive) as tar:
                    tar.extractall(target, filter="data")
                self._unpacked.append(target)

    def find(self, pattern: str) -> list[Path]:
        found = [p for root in (*self.roots, *self._unpacked) for p in root.rglob(pattern)]
        return sorted(found, key=lambda p: p.name)

    def close(self) -> None:
        for folder in self._unpacked:
            shutil.rmtree(folder, ignore_errors=True)


class Api:
    """GET JSON from the API, either over HTTP or through a callable (Django's test client)."""

    def __init__(self, get: Callable[[str], dict]):
        self._get = get
        self._cache: dict[str, object] = {}

    @classmethod
    def over_http(cls, base: str) -> Api:
        def get(path: str) -> dict:
            with urlopen(base.rstrip("/") + path, timeout=60) as response:  # noqa: S310 (an operator's URL)
                return json.loads(response.read())

        return cls(get)

    def all(self, path: str) -> list[dict]:
        """Every row of a paginated list."""
        if path not in self._cache:
            rows, url = [], path
            while url:
                page = self._get(url)
                if isinstance(page, list):
                    rows += page
                    break
                rows += page["results"]
                url = re.sub(r"^https?://[^/]+", "", page.get("next") or "")  # the next page's path; "" after the last
            self._cache[path] = rows
        return self._cache[path]

    def one(self, path: str) -> dict:
        if path not in self._cache:
            self._cache[path] = self._get(path)
        return self._cache[path]

    def swvs(self, sector: str) -> list[str]:
        return sorted(r["code"] for r in self.all(f"/api/v1/samenwerkingsverbanden?sector={sector}&perPagina=1000"))

    def figure(self, code: str, indicator: str, periode: str) -> dict | None:
        rows = self.all(f"/api/v1/samenwerkingsverbanden/{code}/cijfers?format=json&perPagina=1000")
        return next((r for r in rows if r["indicator"] == indicator and r["periode"] == periode), None)


@dataclass
class Result:
    name: str
    checked: int = 0
    mismatches: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: str = ""

    def compare(self, unit: str, expected, found) -> None:
        self.checked += 1
        if isinstance(expected, str) and expected.startswith(("in de", "niet in de")):
            # membership: 'in de indeling' must meet 'in de API'
            if expected.startswith("niet") != found.startswith("niet"):
                self.mismatches.append(f"{unit}: {expected}, {found}")
            return
        if not _equal(expected, found):
            self.mismatches.append(f"{unit}: bestanden {expected!r}, API {found!r}")


def _equal(expected, found) -> bool:
    if isinstance(expected, float) or isinstance(found, float):
        if expected is None or found is None:
            return expected is found
        return math.isclose(float(expected), float(found), abs_tol=TOLERANCE)
    return expected == found


# --- Reading the published files ---------------------------------------------------------------------


def read_csv(path: Path, **kwargs) -> pd.DataFrame:
    """DUO files are Windows-1252 or UTF-8, with ';' or ','; values as text, stripped."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    first = text.splitlines()[0]
    sep = ";" if first.count(";") >= first.count(",") else ","
    frame = pd.read_csv(pd.io.common.StringIO(text), sep=sep, dtype=str, keep_default_na=False, **kwargs)
    return frame.apply(lambda column: column.str.strip())


def _name_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


# --- The checks --------------------------------------------------------------------------------------


def check_swv_lists(data: DataDir, api: Api) -> Iterable[Result]:
    """The SWV's of each sector are exactly those the latest regio-indeling per PC4 names."""
    if not (files := data.find("*pc4*indeling*.csv")):
        yield Result("samenwerkingsverbanden per sector", skipped="geen indeling per PC4")
        return
    frame = read_csv(files[-1])
    for sector, column in (("PO", "po_swv"), ("VO", "vo_swv")):
        result = Result(f"samenwerkingsverbanden {sector}")
        expected = {c for c in set(frame[column]) if re.fullmatch(rf"{sector}\d{{4}}", c)}
        found = set(api.swvs(sector))
        for code in sorted(expected | found):
            result.compare(
                code,
                "in de indeling" if code in expected else "niet in de indeling",
                "in de API" if code in found else "niet in de API",
            )
        yield result


def check_vsv(data: DataDir, api: Api) -> Iterable[Result]:
    """DUO vsv per VO SWV: pupils, leavers and their percentage, summed over the vestigingen."""
    if not (files := data.find("vsv-per-swv-*.csv")):
        yield Result("vsv", skipped="geen vsv-bestand")
        return
    results = {name: Result(name) for name in ("vsv_leerlingen", "vsv_totaal", "vsv_percentage")}
    for path in files:
        end = int(re.search(r"(\d{4})", path.stem).group(1))
        periode = f"{end - 1}-{end}"
        frame = read_csv(path)
        frame.columns = [c.lower() for c in frame.columns]
        code = frame["samenwerkingsverband_nummer"].str.replace(r"\s+", "", regex=True).str.upper()
        regional = frame[code.str.fullmatch(r"VO\d{4}") & (code != "VO0001")].assign(code=code)
        excluded = len(frame) - len(regional)
        counted = ["aantal_leerlingen", "vsv_totaal"]
        totals = regional.astype(dict.fromkeys(counted, int)).groupby("code")[counted].sum()
        for swv, (pupils, leavers) in totals.iterrows():
            percentage = float(leavers) * 100 / float(pupils) if pupils else None
            expected = {"vsv_leerlingen": float(pupils), "vsv_totaal": float(leavers), "vsv_percentage": percentage}
            for name, value in expected.items():
                found = api.figure(swv, name, periode)
                results[name].compare(f"{swv} {periode}", value, found["waarde"] if found else "ontbreekt")
        results["vsv_totaal"].notes.append(
            f"{path.name}: {excluded} rij(en) van VO0001 (geen regionaal samenwerkingsverband) niet meegeteld"
        )
    yield from results.values()


def _current_gemeenten(data: DataDir) -> dict[str, str] | None:
    if not (files := data.find("gemeente_*.geojson")):
        return None
    features = json.loads(files[-1].read_text(encoding="utf-8"))["features"]
    return {f["properties"]["statcode"]: f["properties"]["statnaam"] for f in features}


def _project_csv(name: str) -> pd.DataFrame:
    lines = [
        line for line in (PROJECT_DATA / name).read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return pd.read_csv(pd.io.common.StringIO("\n".join(lines)), sep=";", dtype=str)


def check_gemeenten_per_swv(data: DataDir, api: Api) -> Iterable[Result]:
    """The gemeenten of each SWV follow from its PC4's: the 2015 names, carried to today's gemeenten
    through the herindelingen (a split gemeente by the project's PC4 table or the school addresses)."""
    files, current = data.find("*pc4*indeling*.csv"), _current_gemeenten(data)
    if not files or current is None:
        yield Result("gemeenten per samenwerkingsverband", skipped="geen indeling per PC4 of gemeentegrenzen")
        return
    by_name = defaultdict(set)
    for code, name in current.items():
        by_name[_name_key(name)].add(code)
        by_name[_name_key(re.sub(r"\s*\(.*\)$", "", name))].add(code)
    successors: dict[str, list[tuple[str, bool]]] = defaultdict(list)  # old code -> (new code, partly)
    old_by_name = defaultdict(set)
    for row in _project_csv("herindelingen.csv").itertuples():
        old_by_name[_name_key(row.oude_naam)].add(row.oude_code)
        if row.oude_code != row.nieuwe_code:
            successors[row.oude_code].append((row.nieuwe_code, row.deel == "deels"))
    pc4_table = _project_csv("herindelingen_pc4.csv")
    pc4_splits = {(r.oude_code, r.pc4): r.nieuwe_code for r in pc4_table.itertuples()}
    schools = Counter()
    for path in data.find("alle-vestigingen-*.csv"):
        frame = read_csv(path)
        for postcode, number in zip(frame["POSTCODE"], frame["GEMEENTENUMMER"], strict=True):
            if postcode[:4].isdigit() and number.isdigit():
                schools[(postcode[:4], f"GM{int(number):04d}")] += 1

    def resolve(name: str, pc4: str) -> str | None:
        codes = by_name.get(_name_key(name), set())
        if len(codes) == 1:
            return next(iter(codes))
        olds = old_by_name.get(_name_key(name), set())
        if len(olds) != 1:
            return None
        code = next(iter(olds))
        while code not in current:
            steps = successors.get(code, [])
            if not steps:
                return None
            if len(steps) == 1 or not any(deels for _, deels in steps):
                code = steps[0][0]
                continue
            chosen = pc4_splits.get((code, pc4))
            if chosen is None:
                counted = [(schools[(pc4, c)], c) for c, _ in steps if schools[(pc4, c)]]
                chosen = max(counted)[1] if counted else None
            if chosen is None:
                return None
            code = chosen
        return code

    frame = read_csv(files[-1])
    expected: dict[str, set[str]] = defaultdict(set)
    unsure: set[str] = set()
    for row in frame.itertuples():
        code = resolve(row.gemeente, row.pc4)
        for swv in (row.po_swv, row.vo_swv):
            if not re.fullmatch(r"(PO|VO)\d{4}", swv):
                continue
            if code is None:
                unsure.add(swv)
            else:
                expected[swv].add(code)
    result = Result("gemeenten per samenwerkingsverband")
    for swv in sorted(expected):
        if swv in unsure:
            continue
        detail = api.one(f"/api/v1/samenwerkingsverbanden/{swv}?format=json")
        result.compare(swv, sorted(expected[swv]), sorted(g["code"] for g in detail["gemeenten"]))
    if unsure:
        result.notes.append(
            f"{len(unsure)} samenwerkingsverband(en) niet gecontroleerd: een PC4 van een gesplitste gemeente "
            f"zonder eenduidige opvolger ({', '.join(sorted(unsure))})"
        )
    yield result


# --- DUO pupils, BRON and SWV accounts (../shared/data-new) -------------------------------------------


def _number(series: pd.Series) -> pd.Series:
    """DUO's numbers as published: ' 285', '3.403.793', '148.099,21', '' (an empty post counts as 0)."""
    text = series.fillna("").str.strip().str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    return pd.to_numeric(text.replace("", "0"))


def _served(api: Api, indicator: str) -> dict[tuple[str, str], float | None]:
    """(SWV, periode) -> the API's value of one indicator, for every SWV (real values only)."""
    rows = api.all(f"/api/v1/waarden?niveau=swv&indicator={indicator}&perPagina=1000")
    return {(r["swv"], r["periode"]): r["waarde"] for r in rows if not r["fictief"]}


def _compare_all(api: Api, expected: dict[str, dict[tuple[str, str], float]]) -> dict[str, Result]:
    results = {}
    for indicator, values in expected.items():
        served = _served(api, indicator)
        result = results[indicator] = Result(indicator)
        for (swv, periode), value in sorted(values.items()):
            result.compare(f"{swv} {periode}", float(value), served.get((swv, periode), "ontbreekt"))
        for (swv, periode), value in sorted(served.items()):
            if (swv, periode) not in values and value is not None:
                result.mismatches.append(f"{swv} {periode}: API {value!r}, niet in de bestanden")
    return results


def _regional(code) -> bool:
    return bool(re.fullmatch(r"(PO|VO)\d{4}", str(code))) and code not in ("PO0001", "VO0001")


def check_pupils(data: DataDir, api: Api) -> Iterable[Result]:
    """Pupils per soort per SWV by the vestiging's location (PC4 in the indeling), deelname sbo/so = sbo or
    so / (bo + sbo), VO pupils, pro % = pro / vo, vso % = vso / (vo + vso)."""
    po_files = data.find("*leerlingen-po-soort*.csv") + data.find("*afstand-tussen-woonadres*.csv")
    indeling = data.find("*pc4*indeling*.csv")
    if not po_files or not indeling:
        yield Result("leerlingen per soort", skipped="geen DUO-leerlingenbestand po of indeling per PC4")
        return
    regions = read_csv(indeling[-1])
    po, vo = dict(zip(regions.pc4, regions.po_swv, strict=True)), dict(zip(regions.pc4, regions.vo_swv, strict=True))
    codes = {c for c in (*po.values(), *vo.values()) if _regional(c)}
    counts = defaultdict(lambda: defaultdict(float))  # (swv, periode) -> soort -> pupils
    schools = defaultdict(lambda: defaultdict(int))  # (swv, periode) -> soort -> vestigingen with pupils
    outside, outside_schools, duo_total = Counter(), defaultdict(set), Counter()  # (periode, soort) -> ...

    def count(swv: str | None, periode: str, soort: str, n: float, brin6: str) -> None:
        counts[(swv, periode)][soort] += n
        duo_total[(periode, soort)] += n
        schools[(swv, periode)][soort] += 1 if n > 0 else 0
        if not _regional(swv):
            outside[(periode, soort)] += n
            if n > 0:
                outside_schools[(periode, soort)].add(brin6)

    for path in po_files:
        frame = read_csv(path)
        frame["n"] = _number(frame["TOTAAL"] if "TOTAAL" in frame else frame["LEERLINGEN"])
        frame["pc4"] = frame["POSTCODE_VESTIGING"].str[:4]
        frame["brin6"] = frame["BRIN_NUMMER"].str.strip() + frame["VESTIGINGSNUMMER"].str.strip().str.zfill(2)
        for (peildatum, soort, pc4, brin6), n in (
            frame.groupby(["PEILDATUM", "SOORT_PO", "pc4", "brin6"])["n"].sum().items()
        ):
            periode = f"{peildatum[:4]}-{peildatum[4:6]}-{peildatum[6:]}"
            count((vo if soort == "Vso" else po).get(pc4), periode, soort.lower(), n, brin6)
        for periode in {f"{d[:4]}-{d[4:6]}-{d[6:]}" for d in frame["PEILDATUM"]}:
            for code in codes:  # an SWV without a school of some soort has 0 of them
                counts[(code, periode)]["bo" if code.startswith("PO") else "vso"] += 0
    addresses = [read_csv(p) for p in data.find("alle-vestigingen-vo*.csv")]
    pc4_of = {
        v: p[:4] for frame in addresses for v, p in zip(frame["VESTIGINGSNUMMER"], frame["POSTCODE"], strict=True)
    }
    for path in data.find("leerlingen-vo-per-vestiging*.csv"):
        periode = f"{re.search(r'(20[0-9]{2})', path.name).group(1)}-10-01"
        frame = read_csv(path)
        frame["n"] = frame.filter(regex=r" - (MAN|VROUW)$").apply(_number).sum(axis=1)
        frame["pro"] = frame["ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR"].str.startswith("Praktijk")
        frame["brin6"] = frame["BRIN NUMMER"] + frame["VESTIGINGSNUMMER"].str.zfill(2)
        for (brin6, pro), n in frame.groupby(["brin6", "pro"])["n"].sum().items():
            count(vo.get(pc4_of.get(brin6)), periode, "pro" if pro else "vo", n, brin6)
    expected: dict[str, dict] = defaultdict(dict)
    for (swv, periode), c in counts.items():
        if not _regional(swv):
            continue
        if swv.startswith("PO"):
            bo, sbo, so = c["bo"], c["sbo"], c["so"]
            values = {
                "leerlingen_bo": bo,
                "leerlingen_sbo": sbo,
                "leerlingen_so": so,
                "leerlingen_totaal": bo + sbo + so,
            }
            values |= {"deelname_sbo": 100 * sbo / (bo + sbo), "deelname_so": 100 * so / (bo + sbo)}
            values |= {"aanbod_sbo": schools[(swv, periode)]["sbo"], "aanbod_so": schools[(swv, periode)]["so"]}
        else:
            values = {"leerlingen_vso": c["vso"], "aanbod_vso": schools[(swv, periode)]["vso"]}
            if "vo" in c or "pro" in c:
                all_vo = c["vo"] + c["pro"]
                values |= {"leerlingen_vo": all_vo, "leerlingen_pro": c["pro"], "deelname_pro": 100 * c["pro"] / all_vo}
                values |= {"aanbod_pro": schools[(swv, periode)]["pro"]}
                values |= {"leerlingen_totaal": all_vo + c["vso"], "deelname_vso": 100 * c["vso"] / (all_vo + c["vso"])}
        for indicator, value in values.items():
            expected[indicator][(swv, periode)] = value
    results = _compare_all(api, expected)
    if outside:
        listed = ", ".join(f"{periode} {soort} {int(n)}" for (periode, soort), n in sorted(outside.items()) if n)
        results["leerlingen_bo"].notes.append(f"leerlingen op vestigingen buiten elke regio, niet meegeteld: {listed}")
    yield from results.values()
    yield _national_totals(api, duo_total, outside, outside_schools)


# Which soorten a national pupil total on /landelijk/ adds up, per sector.
NATIONAL_PUPILS = {
    ("PO", "leerlingen_totaal"): ("bo", "sbo", "so"),
    ("PO", "leerlingen_bo"): ("bo",),
    ("PO", "leerlingen_sbo"): ("sbo",),
    ("PO", "leerlingen_so"): ("so",),
    ("VO", "leerlingen_totaal"): ("vo", "pro", "vso"),
    ("VO", "leerlingen_vo"): ("vo", "pro"),
    ("VO", "leerlingen_pro"): ("pro",),
    ("VO", "leerlingen_vso"): ("vso",),
}


def _national_totals(api: Api, duo_total: Counter, outside: Counter, outside_schools: dict) -> Result:
    """The national pupil totals of /landelijk/ (its download) equal DUO's totals minus the pupils on
    vestigingen outside every region, and the download states those vestigingen and pupils."""
    result = Result("landelijk_totaal_leerlingen")
    for sector in ("PO", "VO"):
        payload = api.one(f"/downloads/landelijk.json?sector={sector.lower()}")
        rows = payload["rijen"] if isinstance(payload, dict) else payload
        for (wanted, code), soorten in NATIONAL_PUPILS.items():
            if wanted != sector:
                continue
            periods = {p for p, s in duo_total if s in soorten}
            for periode in sorted(periods):
                if any((periode, s) not in duo_total for s in soorten):
                    continue  # a soort without a file on this teldatum: no national total
                total = sum(duo_total[(periode, s)] for s in soorten)
                left_out = sum(outside[(periode, s)] for s in soorten)
                vestigingen = len(set().union(*(outside_schools[(periode, s)] for s in soorten)))
                row = next((r for r in rows if r["indicator"] == code and r["periode"] == periode), None)
                unit = f"{sector} {code} {periode}"
                if row is None:
                    result.compare(unit, total - left_out, "ontbreekt")
                    continue
                result.compare(unit, float(total - left_out), row["waarde"])
                result.compare(f"{unit} totaal DUO", float(total), row["totaal_duo"])
                result.compare(f"{unit} buiten elke regio", float(left_out), row["buiten_regio_leerlingen"])
                result.compare(f"{unit} vestigingen buiten", float(vestigingen), row["buiten_regio_vestigingen"])
    return result


def check_bron(data: DataDir, api: Api) -> Iterable[Result]:
    """BRON bo pupils and the share with a leerlinggewicht, by DUO's own SWV code (the title line has the date)."""
    if not (files := data.find("*leerlingen-bo-in-bron*.csv")):
        yield Result("leerlingen_bo_bron", skipped="geen BRON-bestand")
        return
    expected: dict[str, dict] = defaultdict(dict)
    for path in files:
        title = path.read_bytes().split(b"\n", 1)[0].decode("cp1252")
        day, month, year = re.search(r"Peildatum:;(\d+)-(\d+)-(\d{4})", title).groups()
        periode = f"{year}-{int(month):02d}-{int(day):02d}"
        frame = read_csv(path, skiprows=1)
        for column in ("TOTAAL", "TOTAAL_GEW03", "TOTAAL_GEW12"):
            frame[column] = _number(frame[column])
        for swv, rows in frame[frame["SWV"].map(_regional)].groupby("SWV"):
            total = rows["TOTAAL"].sum()
            expected["leerlingen_bo_bron"][(swv, periode)] = total
            weighted = rows["TOTAAL_GEW03"].sum() + rows["TOTAAL_GEW12"].sum()
            expected["gewichtenleerlingen_pct"][(swv, periode)] = 100 * weighted / total
    yield from _compare_all(api, expected).values()


ACCOUNT_POSTS = {
    "*po-(mab)-balans*.csv": {"2.1 - EIGEN VERMOGEN": "reserves"},
    "*po-(mb)-staat-van-baten-en-lasten*.csv": {
        "TOTB - TOTAAL BATEN": "baten",
        "TOTL - TOTAAL LASTEN": "lasten",
        "RESUL - RESULTAAT": "resultaat",
    },
    "*po-(ob)-overheidsbijdragen*.csv": {"3.1.3.2 - DOORBETALINGEN RIJKSBIJDRAGE SWV": "doorbetalingen_besturen"},
}


def check_accounts(data: DataDir, api: Api) -> Iterable[Result]:
    """The 2014-2015 accounts of the PO SWV's (GROEPERING SWV), linked by bestuursnummer through the
    project's link table swv/data/swv_besturen.csv; doorbetalingen as % of baten + doorbetalingen."""
    if not any(data.find(pattern) for pattern in ACCOUNT_POSTS):
        yield Result("reserves", skipped="geen jaarrekeninggegevens po")
        return
    links = _project_csv("swv_besturen.csv").dropna(subset=["swv_code"])
    code_of = dict(zip(links["bestuursnummer"], links["swv_code"], strict=True))
    expected: dict[str, dict] = defaultdict(dict)
    for pattern, posts in ACCOUNT_POSTS.items():
        for path in data.find(pattern):
            frame = read_csv(path)
            frame = frame[(frame["GROEPERING"] == "SWV") & frame["BEVOEGD GEZAG NUMMER"].isin(code_of)]
            for column, indicator in posts.items():
                amounts = _number(frame[column])
                for number, year, amount in zip(frame["BEVOEGD GEZAG NUMMER"], frame["JAAR"], amounts, strict=True):
                    expected[indicator][(code_of[number], year)] = amount
    for key in expected["baten"].keys() & expected["doorbetalingen_besturen"].keys():
        whole = expected["baten"][key] + expected["doorbetalingen_besturen"][key]
        if whole > 0:
            expected["doorbetalingen_besturen_pct"][key] = 100 * expected["doorbetalingen_besturen"][key] / whole
    yield from _compare_all(api, expected).values()


CHECKS: list[Callable[[DataDir, Api], Iterable[Result]]] = [
    check_swv_lists,
    check_vsv,
    check_gemeenten_per_swv,
    check_pupils,
    check_bron,
    check_accounts,
]


# --- Running -----------------------------------------------------------------------------------------


def verify(data_dir: Path | list[Path], api: Api, out=sys.stdout) -> bool:
    """Run every check and print a table; True when nothing differs. `data_dir`: one folder or several."""
    data = DataDir([Path(d) for d in (data_dir if isinstance(data_dir, list | tuple) else [data_dir])])
    try:
        results = [result for check in CHECKS for result in check(data, api)]
    finally:
        data.close()
    width = max(len(r.name) for r in results)
    out.write(f"{'figuur'.ljust(width)}  gecontroleerd  afwijkend\n")
    for r in results:
        if r.skipped:
            out.write(f"{r.name.ljust(width)}  overgeslagen: {r.skipped}\n")
            continue
        out.write(f"{r.name.ljust(width)}  {r.checked:>13}  {len(r.mismatches):>9}\n")
        for line in r.mismatches[:20]:
            out.write(f"    {line}\n")
        for note in r.notes:
            out.write(f"    let op: {note}\n")
    total = sum(len(r.mismatches) for r in results)
    out.write(f"{'totaal'.ljust(width)}  {sum(r.checked for r in results):>13}  {total:>9}\n")
    return total == 0


def _in_process_api() -> Api:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verantwoording.settings")
    django.setup()
    # The test client reads the settings as it is imported: only after django.setup() above.
    from django.test import Client

    client = Client()

    def get(path: str) -> dict:
        response = client.get(path, HTTP_ACCEPT="application/json", HTTP_HOST="localhost")
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
        return response.json()

    return Api(get)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, nargs="+", required=True, help="one or more open-data folders")
    parser.add_argument("--api", help="base URL of a running site; without it the site's database is read in-process")
    args = parser.parse_args(argv)
    for folder in args.data_dir:
        if not folder.is_dir():
            parser.error(f"{folder} is geen map")
    api = Api.over_http(args.api) if args.api else _in_process_api()
    return 0 if verify(args.data_dir, api) else 1


if __name__ == "__main__":
    sys.exit(main())
