"""The comparison page: two to four SWV's side by side, at a shareable URL (/vergelijk/?swv=..&swv=..)."""

from urllib.parse import urlencode

from django.shortcuts import redirect, render

from swv.caching import params
from swv.opendata.csvw import describes
from swv.opendata.downloads import table_response
from swv.pages.comparison import (
    COLUMNS_VERGELIJK,
    MAX_SWVS,
    comparison,
    comparison_rows,
    parse_selection,
    suggestions,
    swv_choices,
)


def _canonical_query(codes: list[str]) -> str:
    return urlencode([("swv", code) for code in codes])


@params.query_params(swv=params.many(params.SWV), canonical_redirect=True)
def vergelijk(request):
    raw = params.sent(request).getlist("swv")
    selection = parse_selection(raw_codes=raw)
    if selection.valid and raw != selection.codes:
        return redirect(f"{request.path}?{_canonical_query(selection.codes)}", permanent=False)
    context = {
        "selection": selection,
        "choices": swv_choices(),
        "slots": [selection.codes[i] if i < len(selection.codes) else "" for i in range(MAX_SWVS)],
        "query": _canonical_query(selection.codes),
    }
    if selection.valid:
        context.update(comparison(swvs=selection.swvs))
    elif len(selection.swvs) == 1 and not selection.fouten:
        context["eerste"] = selection.swvs[0]
        context["suggesties"] = suggestions(swv=selection.swvs[0])
    return render(request, "vergelijk/vergelijk.html", context, status=400 if selection.fouten else 200)


@describes(columns=COLUMNS_VERGELIJK, title="Vergelijking van samenwerkingsverbanden")
@params.query_params(swv=params.many(params.SWV))
def vergelijk_table(request, fmt: str):
    selection = parse_selection(raw_codes=request.GET.getlist("swv"))
    if not selection.valid:
        return render(
            request, "vergelijk/vergelijk.html", {"selection": selection, "choices": swv_choices()}, status=400
        )
    return table_response(
        comparison_rows(swvs=selection.swvs),
        COLUMNS_VERGELIJK,
        fmt=fmt,
        filename="passend-onderwijs-vergelijking-" + "-".join(selection.codes),
        titel="Vergelijking van " + ", ".join(selection.codes),
    )
