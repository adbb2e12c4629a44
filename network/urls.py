"""URLs of the network-wide feeds (under /api/)."""

from django.urls import path

from network import views

urlpatterns = [
    path("museums.geojson", views.museums_geojson, name="museums_geojson"),
]
