"""What a magic link may be used for."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkPurpose(models.TextChoices):
    SCAN_RESUME = "scan_resume", _("Resume a scan")
    SCAN_RESULT = "scan_result", _("View a scan result")
    VERVOLGSCAN = "vervolgscan", _("Start a follow-up scan")
    MIJN_GEGEVENS = "mijn_gegevens", _("View and manage my data")
    SATISFACTION = "satisfaction", _("Give feedback")
