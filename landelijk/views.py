from django.shortcuts import render

from landelijk.selectors import landelijk_context, normalize_sector


def index(request):
    return render(
        request, "landelijk/index.html", landelijk_context(sector=normalize_sector(request.GET.get("sector")))
    )
