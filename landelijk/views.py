from django.shortcuts import render

from landelijk.begrippen import begrippen
from landelijk.cijfer import indicator_page
from landelijk.home import home_context
from landelijk.selectors import landelijk_context
from swv.caching import params
from swv.models import Indicator, Sector
from swv.selectors.regions import geojson_url


@params.query_params()
def home(request):
    return render(request, "home.html", home_context())


@params.query_params(sector=params.SECTOR)
def index(request):
    return render(request, "landelijk/index.html", landelijk_context(sector=Sector.parse(request.GET.get("sector"))))


@params.query_params()
def cijfers(request):
    indicators = Indicator.objects.order_by("thema", "volgorde")
    return render(request, "landelijk/cijfers.html", {"indicators": indicators})


@params.query_params(sector=params.SECTOR)
def cijfer(request, code: str):
    page = indicator_page(code=code, sector=Sector.parse(request.GET.get("sector")))
    context = {"page": page, "indicator": page.indicator, "data": page.chart_data()}
    if page.sector:
        context["geojson_url"] = geojson_url(page.sector)
    return render(request, "landelijk/cijfer.html", context)


@params.query_params()
def begrippen_view(request):
    return render(request, "landelijk/begrippen.html", {"begrippen": begrippen()})
