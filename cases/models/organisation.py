"""The people of the schakelteam: advisors, partner contacts and the mentors of the ondernemerspoule."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from schakelteam.constants import SbiSection


class Advisor(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="advisor"
    )
    partner = models.ForeignKey(
        "schakelteam.Partner",
        on_delete=models.PROTECT,
        related_name="advisors",
        verbose_name=_("home organisation"),
    )
    themes = models.ManyToManyField(
        "schakelteam.Theme", blank=True, related_name="advisors", verbose_name=_("expertise")
    )
    gemeenten = models.ManyToManyField(
        "schakelteam.Gemeente",
        blank=True,
        related_name="advisors",
        verbose_name=_("municipalities served"),
    )
    capacity = models.PositiveSmallIntegerField(_("capacity of open cases"), default=10)
    is_away = models.BooleanField(_("away"), default=False)

    class Meta:
        ordering = ["user__first_name", "user__last_name"]
        verbose_name = _("advisor")
        verbose_name_plural = _("advisors")

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()


class PartnerContact(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_contact"
    )
    partner = models.ForeignKey(
        "schakelteam.Partner", on_delete=models.PROTECT, related_name="contacts"
    )

    class Meta:
        verbose_name = _("partner contact")
        verbose_name_plural = _("partner contacts")

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.get_username()} ({self.partner})"


class Mentor(models.Model):
    """An (ex-)entrepreneur of the ondernemerspoule; has no login, is reached by e-mail."""

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    themes = models.ManyToManyField(
        "schakelteam.Theme", blank=True, related_name="mentors", verbose_name=_("expertise")
    )
    sbi_section = models.CharField(
        _("sector"), max_length=1, choices=SbiSection.choices, blank=True
    )
    availability = models.CharField(_("availability"), max_length=200, blank=True)
    is_available = models.BooleanField(_("available"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")

    def __str__(self) -> str:
        return self.name
