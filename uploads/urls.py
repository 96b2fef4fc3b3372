from django.urls import path

from uploads import views

app_name = "uploads"

urlpatterns = [
    path("documenten/", views.documenten, name="documenten"),
    path("documenten/<int:pk>/download/", views.download, name="download"),
    path("beheer-voorbeeld/swv/<swvcode:code>/", views.voorbeeld, name="voorbeeld"),
]
