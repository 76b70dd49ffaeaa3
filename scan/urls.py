from django.urls import path

from . import views

app_name = "scan"

urlpatterns = [
    path("bedrijfsscan/", views.intro, name="intro"),
    path("bedrijfsscan/stap/<int:number>/", views.step, name="step"),
    path("bedrijfsscan/versturen/", views.review, name="review"),
    path("bedrijfsscan/bewaarlink/", views.resume_link, name="resume_link"),
    path("bedrijfsscan/hervatten/<str:token>/", views.resume, name="resume"),
    path("bedrijfsscan/resultaat/<str:token>/", views.result, name="result"),
    path("bedrijfsscan/resultaat/<str:token>/onderzoek/", views.consent, name="consent"),
    path(
        "bedrijfsscan/resultaat/<str:token>/regelingencheck/",
        views.regelingencheck_prefilled,
        name="regelingencheck_prefilled",
    ),
    path(
        "bedrijfsscan/resultaat/<str:token>/vervolgscan/",
        views.vervolgscan_from_result,
        name="vervolgscan_from_result",
    ),
    path("vervolgscan/<str:token>/", views.vervolgscan_start, name="vervolgscan_start"),
]
