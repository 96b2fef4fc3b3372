from django.urls import path

from swv import views

app_name = "swv"

urlpatterns = [
    path("", views.home, name="home"),
]
