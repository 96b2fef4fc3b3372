from django.urls import path  # noqa: F401 (the landelijk pages add their routes here)

app_name = "landelijk"

urlpatterns: list = []
