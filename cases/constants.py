"""Choices of the cases app: stable slugs, translated labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    VIDEO = "video", _("Video call")


class ConsentPurpose(models.TextChoices):
    CONTACT = "contact", _("Contact about this request")
    SHARE_SCAN = "share_scan", _("Share my scan with my advisor")
    RESEARCH = "research", _("Use my scan anonymously for regional research")
    SHARE_WITH_PARTNER = "share_with_partner", _("Share my details with a partner on referral")
    FOLLOW_UP = "follow_up", _("Invite me for a follow-up later")


class ConsentChannel(models.TextChoices):
    WEB = "web", _("Website")
    PHONE = "phone", _("Phone")


class CasusOrigin(models.TextChoices):
    WEB = "web", _("Website")
    PHONE = "phone", _("Phone")
    QUESTION = "question", _("Digital question")
    SCAN = "scan", _("Scan result")
    EVENT = "event", _("Meeting")


class CasusStatus(models.TextChoices):
    NIEUW = "nieuw", _("New")
    TOEGEWEZEN = "toegewezen", _("Assigned")
    CONTACT_GELEGD = "contact_gelegd", _("Contact made")
    AFSPRAAK_GEPLAND = "afspraak_gepland", _("Appointment planned")
    IN_BEHANDELING = "in_behandeling", _("In progress")
    DOORVERWEZEN = "doorverwezen", _("Referred")
    AFGEROND = "afgerond", _("Completed")
    GESLOTEN = "gesloten", _("Closed")


OPEN_STATUSES = [
    CasusStatus.NIEUW,
    CasusStatus.TOEGEWEZEN,
    CasusStatus.CONTACT_GELEGD,
    CasusStatus.AFSPRAAK_GEPLAND,
    CasusStatus.IN_BEHANDELING,
    CasusStatus.DOORVERWEZEN,
]
FINAL_STATUSES = [CasusStatus.AFGEROND, CasusStatus.GESLOTEN]


class CasusOutcome(models.TextChoices):
    """How a case ended: `afgerond` outcomes first, then the reasons to close (`gesloten`)."""

    GEHOLPEN = "geholpen", _("Helped with advice")
    REGELING = "regeling", _("Pointed to a regeling")
    DOORVERWEZEN = "doorverwezen", _("Referred to a partner or mentor")
    GEEN_BEHOEFTE = "geen_behoefte", _("Closed: no further need")
    NIET_BEREIKBAAR = "niet_bereikbaar", _("Closed: entrepreneur unreachable")
    DUBBEL = "dubbel", _("Closed: duplicate request")
    BUITEN_SCOPE = "buiten_scope", _("Closed: outside what the schakelteam does")
    INGETROKKEN = "ingetrokken", _("Closed: consent withdrawn")


COMPLETED_OUTCOMES = [CasusOutcome.GEHOLPEN, CasusOutcome.REGELING, CasusOutcome.DOORVERWEZEN]


class AppointmentKind(models.TextChoices):
    PHONE = "phone", _("Phone")
    VIDEO = "video", _("Video call")
    ON_SITE = "on_site", _("On site")


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    COMPLETED = "completed", _("Completed")


class ReferralOutcome(models.TextChoices):
    HELPED = "helped", _("Helped")
    REGELING_APPLIED = "regeling_applied", _("Applied for a regeling")
    NOT_HELPED = "not_helped", _("Could not help")
    NO_SHOW = "no_show", _("Entrepreneur did not respond")
