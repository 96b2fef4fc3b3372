from django.shortcuts import render

from swv.selectors.status import data_counts


def home(request):
    return render(request, "home.html", {"counts": data_counts()})
