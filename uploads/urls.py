from django.urls import path

from uploads import views

app_name = "uploads"

urlpatterns = [
    path("documenten/<int:pk>/download/", views.download, name="download"),
]
