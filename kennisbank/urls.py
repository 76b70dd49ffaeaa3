from django.urls import path

from kennisbank import regelingencheck_views

app_name = "kennisbank"

urlpatterns = [
    path("regelingencheck/", regelingencheck_views.regelingencheck_view, name="regelingencheck"),
]
