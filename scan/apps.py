from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScanConfig(AppConfig):
    name = "scan"
    verbose_name = _("Bedrijfsscan")
