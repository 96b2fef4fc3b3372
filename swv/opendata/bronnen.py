"""/bronnen/: which sources the site shows, from which file and peildatum, loaded when, covering how many
SWV's, and what was left out. The same list as `manage.py datastatus`."""

from django.shortcuts import render

from swv.caching import params
from swv.importing.status import source_status
from swv.selectors.indeling import current_indeling


@params.query_params()
def bronnen(request):
    context = {"bronnen": source_status(), "indeling": current_indeling()}
    return render(request, "opendata/bronnen.html", context)
