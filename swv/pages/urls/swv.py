"""The page of one SWV (the `swvcode` converter is registered by the swv app)."""

from django.urls import path

from swv.pages.views import swv as views

app_name = "swv"

urlpatterns = [
    path("swv/<swvcode:code>-<slug:slug>/", views.detail, name="detail"),
    path("swv/<swvcode:code>/", views.detail, name="detail-kort"),
]
