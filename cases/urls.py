from django.urls import path

from .views import partner, public, staff

app_name = "cases"

urlpatterns = [
    # Public: entrepreneurs, no login.
    path("gesprek-aanvragen/", public.intake_request_view, name="intake_request"),
    path("vraag-stellen/", public.intake_question_view, name="intake_question"),
    path("aanvraag-ontvangen/", public.intake_done_view, name="intake_done"),
    path("mijn-gegevens/<str:token>/", public.mijn_gegevens_view, name="mijn_gegevens"),
    path(
        "mijn-gegevens/<str:token>/download/",
        public.mijn_gegevens_export_view,
        name="mijn_gegevens_export",
    ),
    path(
        "mijn-gegevens/<str:token>/toestemming-intrekken/",
        public.mijn_gegevens_withdraw_view,
        name="mijn_gegevens_withdraw",
    ),
    path(
        "mijn-gegevens/<str:token>/wissen/",
        public.mijn_gegevens_erase_view,
        name="mijn_gegevens_erase",
    ),
    path("tevredenheid/<str:token>/", public.satisfaction_view, name="satisfaction"),
    # Staff werkplek.
    path("werkplek/", staff.workspace_view, name="queue"),
    path("werkplek/telefonische-intake/", staff.phone_intake_view, name="phone_intake"),
    path("werkplek/casussen/", staff.casus_list_view, name="casus_list"),
    path("werkplek/casussen/<uuid:uuid>/", staff.casus_detail_view, name="casus_detail"),
    path("werkplek/casussen/<uuid:uuid>/toewijzen/", staff.casus_assign_view, name="casus_assign"),
    path("werkplek/casussen/<uuid:uuid>/contact/", staff.casus_contact_view, name="casus_contact"),
    path(
        "werkplek/casussen/<uuid:uuid>/afspraak/",
        staff.appointment_create_view,
        name="appointment_create",
    ),
    path("werkplek/casussen/<uuid:uuid>/notitie/", staff.note_create_view, name="note_create"),
    path("werkplek/casussen/<uuid:uuid>/advies/", staff.advice_create_view, name="advice_create"),
    path(
        "werkplek/casussen/<uuid:uuid>/doorverwijzen/",
        staff.referral_create_view,
        name="referral_create",
    ),
    path("werkplek/casussen/<uuid:uuid>/afsluiten/", staff.casus_close_view, name="casus_close"),
    path(
        "werkplek/casussen/<uuid:uuid>/antwoorden/",
        staff.question_answer_view,
        name="question_answer",
    ),
    path(
        "werkplek/casussen/<uuid:uuid>/naar-kennisbank/",
        staff.question_page_create_view,
        name="question_page_create",
    ),
    path("werkplek/afspraken/<uuid:uuid>/ics/", staff.appointment_ics_view, name="appointment_ics"),
    path(
        "werkplek/afspraken/<uuid:uuid>/gehouden/",
        staff.appointment_held_view,
        name="appointment_held",
    ),
    # Partner portal.
    path("partnerportaal/", partner.partner_portal_view, name="partner_portal"),
    path("partnerportaal/<uuid:uuid>/", partner.referral_detail_view, name="referral_detail"),
    path(
        "partnerportaal/<uuid:uuid>/beantwoorden/",
        partner.referral_respond_view,
        name="referral_respond",
    ),
    path(
        "partnerportaal/<uuid:uuid>/resultaat/",
        partner.referral_outcome_view,
        name="referral_outcome",
    ),
]
