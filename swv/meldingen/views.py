"""'Klopt dit niet?': a visitor reports a suspected error in a figure to the beheerder."""

from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from swv.codes import normalize_swv_code
from swv.figures import is_period_label
from swv.meldingen import services as meldingen
from swv.meldingen.forms import MeldingForm
from swv.models import Indicator, Samenwerkingsverband
from swv.opendata.tables import figure_text, periode_text
from swv.selectors.names import display_name
from verantwoording.errors import OngeldigeInvoer
from verantwoording.security import accepts, client_ip


def _subject(params, request) -> dict:
    """Which figure the report is about, from the query (GET) or the hidden fields (POST)."""
    code = normalize_swv_code(params.get("swv", "")[:20])
    swv = Samenwerkingsverband.objects.filter(code=code).first() if code else None
    indicator = Indicator.objects.filter(code=params.get("indicator", "")[:60]).first()
    periode = params.get("periode", "")[:20]
    if periode and not is_period_label(periode):
        raise OngeldigeInvoer(
            f"De periode ‘{periode}’ bestaat niet. Een periode is een datum (2024-10-01), een schooljaar "
            "(2023-2024) of een jaar (2023)."
        )
    pagina = params.get("pagina", "")[:300]
    if not url_has_allowed_host_and_scheme(pagina, allowed_hosts={request.get_host()}) or not pagina.startswith("/"):
        pagina = swv.get_absolute_url() if swv else ""
    shown = figure_text(swv=swv, indicator=indicator, periode=periode) if swv and indicator else ""
    return {
        "swv": swv,
        "naam": display_name(swv) if swv else "",
        "indicator": indicator,
        "periode": periode,
        "periode_tekst": periode_text(periode, indicator.periode_soort if indicator else ""),
        "pagina": pagina,
        "getoonde_waarde": shown,
    }


def _initial(subject: dict) -> dict:
    return {
        "swv": subject["swv"].code if subject["swv"] else "",
        "indicator": subject["indicator"].code if subject["indicator"] else "",
        "periode": subject["periode"],
        "pagina": subject["pagina"],
    }


@accepts("POST")
@never_cache
def melding(request):
    if request.method != "POST":
        subject = _subject(request.GET, request)
        form = MeldingForm(initial=_initial(subject))
        return render(request, "meldingen/formulier.html", {"form": form, **subject})
    subject = _subject(request.POST, request)
    form = MeldingForm(request.POST)
    ip = client_ip(request)  # the visitor behind any trusted proxies, as for login throttling
    if meldingen.limit_reached(ip=ip):
        context = {"form": form, "te_veel": True, **subject}
        return render(request, "meldingen/formulier.html", context, status=429)
    if not form.is_valid():
        return render(request, "meldingen/formulier.html", {"form": form, **subject}, status=400)
    meldingen.count_report(ip=ip)
    if not form.is_spam():
        meldingen.store_report(
            swv=subject["swv"],
            indicator=subject["indicator"],
            periode=subject["periode"],
            getoonde_waarde=subject["getoonde_waarde"],
            pagina=subject["pagina"],
            omschrijving=form.cleaned_data["omschrijving"],
            bron=form.cleaned_data["bron"],
            email=form.cleaned_data["email"],
        )
    return redirect("/klopt-dit-niet/bedankt/?" + urlencode({"terug": subject["pagina"]}))


@never_cache
def bedankt(request):
    terug = request.GET.get("terug", "")
    if not terug.startswith("/") or not url_has_allowed_host_and_scheme(terug, allowed_hosts={request.get_host()}):
        terug = "/"
    return render(request, "meldingen/bedankt.html", {"terug": terug})
