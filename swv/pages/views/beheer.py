"""Beheer pages beside the admin: what is loaded, and the example files for every template source."""

from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import user_passes_test
from django.http import Http404, HttpResponse
from django.shortcuts import render

from swv.importing.registry import SOURCES
from swv.importing.status import data_counts, last_imports
from swv.importing.templates import column_rows, template_csv, template_sources, template_xlsx
from uploads.staff.roles import BEHEERDER


def _is_beheerder(user) -> bool:
    return user.is_superuser or user.groups.filter(name=BEHEERDER).exists()


beheerder_required = user_passes_test(_is_beheerder, login_url="admin:login")

_FORMATS = {
    "csv": ("text/csv; charset=utf-8", template_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template_xlsx),
}


@staff_member_required
@beheerder_required
def sjablonen(request):
    sources = [{"source": s, "columns": column_rows(s)} for s in template_sources()]
    context = {"sources": sources, "imports": last_imports(), "counts": data_counts(), "title": "Bronnen en sjablonen"}
    return render(request, "beheer/sjablonen.html", context)


@staff_member_required
@beheerder_required
def sjabloon(request, key: str, fmt: str):
    source = SOURCES.get(key)
    if source is None or not source.template or fmt not in _FORMATS:
        raise Http404("Geen sjabloon voor deze bron.")
    content_type, build = _FORMATS[fmt]
    response = HttpResponse(build(source), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{key}-sjabloon.{fmt}"'
    return response
