from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchakelteamConfig(AppConfig):
    name = "schakelteam"
    verbose_name = _("Schakelteam")
