from django.shortcuts import get_object_or_404, redirect, render

from swv.caching import params
from swv.models import Samenwerkingsverband
from swv.pages.profile import build_swv_page_context
from uploads.selectors import published_toelichtingen


@params.query_params()
def detail(request, code: str, slug: str = ""):
    swv = get_object_or_404(Samenwerkingsverband, code=code)
    if slug != swv.slug or request.path != swv.get_absolute_url():
        return redirect(swv, permanent=True)
    context = build_swv_page_context(swv=swv, toelichtingen=published_toelichtingen(swv=swv))
    return render(request, "swv/detail.html", context)
