from django.urls import path

from landelijk import views

app_name = "landelijk"

urlpatterns = [
    path("", views.index, name="index"),
]
