"""The organisation: regions and their gemeenten, themes, back-office partners, and the people
who work for the schakelteam (advisors, partner contacts, the mentors of the ondernemerspoule)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.models import TranslatableMixin
from wagtail.search import index

from .constants import PartnerKind, SbiSection


class Regio(models.Model):
    """A region running a schakelteam; everything regional hangs off one of these."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)
    province = models.CharField(_("province"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class Gemeente(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)
    regio = models.ForeignKey(Regio, on_delete=models.PROTECT, related_name="gemeenten")
    postcode_ranges = models.JSONField(
        _("postcode ranges"),
        default=list,
        blank=True,
        help_text=_("Four-digit postcode ranges as pairs, e.g. [[1300, 1364]]."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        for pair in self.postcode_ranges or []:
            if (
                not isinstance(pair, list)
                or len(pair) != 2
                or not all(isinstance(n, int) and 1000 <= n <= 9999 for n in pair)
                or pair[0] > pair[1]
            ):
                raise ValidationError(
                    {
                        "postcode_ranges": _(
                            "Each range must be two four-digit numbers, low to high."
                        )
                    }
                )

    def covers(self, postcode_digits: int) -> bool:
        return any(low <= postcode_digits <= high for low, high in self.postcode_ranges)


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A subject entrepreneurs need help with; links regelingen, partners, scan domains and casussen."""

    slug = models.SlugField()
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    search_fields = [index.SearchField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name


class Partner(index.Indexed, models.Model):
    """A back-office organisation of the schakelteam."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=PartnerKind.choices)
    regio = models.ForeignKey(Regio, on_delete=models.PROTECT, related_name="partners")
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.SET_NULL, null=True, blank=True, related_name="partners"
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="partners", verbose_name=_("expertise")
    )
    role = models.TextField(_("role in the schakelteam"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords(excluded_fields=["order"])
    search_fields = [index.SearchField("name"), index.SearchField("role")]

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self) -> str:
        return self.name


class Advisor(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="advisor"
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="advisors",
        verbose_name=_("home organisation"),
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="advisors", verbose_name=_("expertise")
    )
    gemeenten = models.ManyToManyField(
        Gemeente,
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
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="contacts")

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
        Theme, blank=True, related_name="mentors", verbose_name=_("expertise")
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
