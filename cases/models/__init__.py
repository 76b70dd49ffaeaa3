from schakelteam.organisation.models import Advisor, Mentor, PartnerContact

from .casus import Advice, Appointment, Casus, Note, Referral, Satisfaction
from .people import (
    Company,
    Consent,
    ConsentText,
    Entrepreneur,
    kvk_nummer_clean,
    kvk_nummer_validate,
)

__all__ = [
    "Advice",
    "Advisor",
    "Appointment",
    "Casus",
    "Company",
    "Consent",
    "ConsentText",
    "Entrepreneur",
    "Mentor",
    "Note",
    "PartnerContact",
    "Referral",
    "Satisfaction",
    "kvk_nummer_clean",
    "kvk_nummer_validate",
]
