from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.TextChoices):
    GEMEENTE = "gemeente", _("Municipality")
    PROVINCIE = "provincie", _("Province")
    KENNISINSTELLING = "kennisinstelling", _("Knowledge institution")
    ONDERNEMERSVERENIGING = "ondernemersvereniging", _("Business association")
    NETWERK = "netwerk", _("Network")
    FINANCIER = "financier", _("Financier")
    OVERHEIDSORGANISATIE = "overheidsorganisatie", _("Government agency")
    OVERIG = "overig", _("Other")


class SizeClass(models.TextChoices):
    """Company size: the number of people working there, the owner included."""

    ALLEEN = "1", _("Just me")
    KLEIN_2_4 = "2-4", _("2 to 4 people")
    KLEIN_5_10 = "5-10", _("5 to 10 people")
    MIDDEN_11_50 = "11-50", _("11 to 50 people")
    MIDDEN_51_250 = "51-250", _("51 to 250 people")
    GROOT_250 = "250+", _("More than 250 people")


SIZE_CLASS_BOUNDS: dict[str, tuple[int, int | None]] = {
    SizeClass.ALLEEN: (1, 1),
    SizeClass.KLEIN_2_4: (2, 4),
    SizeClass.KLEIN_5_10: (5, 10),
    SizeClass.MIDDEN_11_50: (11, 50),
    SizeClass.MIDDEN_51_250: (51, 250),
    SizeClass.GROOT_250: (251, None),
}


class SbiSection(models.TextChoices):
    """SBI 2008 sections (Standaard Bedrijfsindeling)."""

    A = "A", _("A – Agriculture, forestry and fishing")
    B = "B", _("B – Mining and quarrying")
    C = "C", _("C – Manufacturing")
    D = "D", _("D – Energy supply")
    E = "E", _("E – Water supply and waste management")
    F = "F", _("F – Construction")
    G = "G", _("G – Wholesale and retail trade")
    H = "H", _("H – Transport and storage")
    I = "I", _("I – Accommodation and food service")  # noqa: E741
    J = "J", _("J – Information and communication")
    K = "K", _("K – Financial services")
    L = "L", _("L – Real estate")
    M = "M", _("M – Professional, scientific and technical services")
    N = "N", _("N – Rental and other business support")
    O = "O", _("O – Public administration")  # noqa: E741
    P = "P", _("P – Education")
    Q = "Q", _("Q – Health and social work")
    R = "R", _("R – Culture, sports and recreation")
    S = "S", _("S – Other service activities")
    T = "T", _("T – Households as employers")
    U = "U", _("U – Extraterritorial organisations")


class LinkPurpose(models.TextChoices):
    SCAN_RESUME = "scan_resume", _("Resume a scan")
    SCAN_RESULT = "scan_result", _("View a scan result")
    VERVOLGSCAN = "vervolgscan", _("Start a follow-up scan")
    MIJN_GEGEVENS = "mijn_gegevens", _("View and manage my data")
    SATISFACTION = "satisfaction", _("Give feedback")


class EventKind(models.TextChoices):
    """Countable facts, recorded anonymously when they happen (see monitoring.py)."""

    SCAN_STARTED = "scan_started", _("Scan started")
    SCAN_SUBMITTED = "scan_submitted", _("Scan submitted")
    VERVOLGSCAN_SUBMITTED = "vervolgscan_submitted", _("Follow-up scan submitted")
    CASE_OPENED = "case_opened", _("Case opened")
    FIRST_CONTACT = "first_contact", _("First contact")
    APPOINTMENT_HELD = "appointment_held", _("Appointment held")
    ADVICE_GIVEN = "advice_given", _("Advice given")
    REFERRAL_MADE = "referral_made", _("Referral made")
    REFERRAL_ACCEPTED = "referral_accepted", _("Referral accepted")
    REFERRAL_DECLINED = "referral_declined", _("Referral declined")
    REFERRAL_COMPLETED = "referral_completed", _("Referral completed")
    CASE_CLOSED = "case_closed", _("Case closed")
    EVENT_REGISTERED = "event_registered", _("Registered for a meeting")
    EVENT_ATTENDED = "event_attended", _("Attended a meeting")
    MEETING_HELD = "meeting_held", _("Meeting held")
    QUESTION_ANSWERED = "question_answered", _("Question answered")
    SATISFACTION_GIVEN = "satisfaction_given", _("Satisfaction given")
