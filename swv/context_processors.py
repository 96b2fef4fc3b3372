from django.core.cache import cache

from swv.services.cache import source_data_version


def site(request):
    """Whether fictional demo figures are loaded, so every page can say so in a banner."""
    key = f"has-fictional-data:{source_data_version()}"
    has_fictional = cache.get(key)
    if has_fictional is None:
        from swv.models import Waarde

        has_fictional = Waarde.objects.filter(fictief=True).exists()
        cache.set(key, has_fictional)
    return {"fictieve_data": has_fictional}
