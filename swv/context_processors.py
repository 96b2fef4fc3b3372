from swv.caching.versions import derived
from swv.models import Waarde


def site(request):
    """Whether fictional demo figures are loaded, so every page can say so in a banner."""
    return {"fictieve_data": derived("has-fictional-data", _has_fictional_data)}


def _has_fictional_data() -> bool:
    return Waarde.objects.filter(fictief=True).exists()
