from django.urls import path, register_converter

from swv import views


class SwvCodeConverter:
    """PO3009 / VO2001, any case; the view redirects to the canonical spelling."""

    regex = "[PpVv][Oo][0-9]{4}"

    def to_python(self, value: str) -> str:
        return value.upper()

    def to_url(self, value: str) -> str:
        return value


register_converter(SwvCodeConverter, "swvcode")

app_name = "swv"

urlpatterns = [
    path("", views.home, name="home"),
    path("swv/<swvcode:code>-<slug:slug>/", views.detail, name="detail"),
    path("swv/<swvcode:code>/", views.detail, name="detail-kort"),
]
