app_name = "kaart"

# The map (/kaart/), its GeoJSON and search (/zoeken/) add their routes here.
urlpatterns: list = []
