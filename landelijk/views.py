from django.shortcuts import render

from landelijk.home import home_context
from landelijk.selectors import landelijk_context, normalize_sector


def home(request):
    return render(request, "home.html", home_context())


def index(request):
    return render(
        request, "landelijk/index.html", landelijk_context(sector=normalize_sector(request.GET.get("sector")))
    )
