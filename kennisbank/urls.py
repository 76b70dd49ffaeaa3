from django.urls import path

from kennisbank import regelingencheck_views, views

app_name = "kennisbank"

urlpatterns = [
    path("zoeken/", views.search_view, name="search"),
    path("regelingencheck/", regelingencheck_views.regelingencheck_view, name="regelingencheck"),
]
