from django.urls import path

from landelijk import info, views

app_name = "landelijk"

urlpatterns = [
    path("", views.home, name="home"),
    path("landelijk/", views.index, name="index"),
    path("cijfers/", views.cijfers, name="cijfers"),
    path("begrippen/", views.begrippen_view, name="begrippen"),
    path("cijfers/<slug:code>/", views.cijfer, name="cijfer"),
    path("toegankelijkheid", info.toegankelijkheid, name="toegankelijkheid"),
    path("privacy", info.privacy, name="privacy"),
]
