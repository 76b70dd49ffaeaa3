"""The organisation: regions and their gemeenten, themes and back-office partners."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.models import TranslatableMixin
from wagtail.search import index

from .audit import PersonalDataAccess, StaffSecurityEvent  # noqa: F401  (access log)
from .constants import LinkPurpose, PartnerKind
from .monitoring import MonitoringEvent  # noqa: F401  (a model of this app)
from .regional_data_models import RegionalIndicator  # noqa: F401
from .reports_models import KpiDefinition, QuarterlyReport  # noqa: F401


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


class MagicLink(models.Model):
    """Only the SHA-256 of the token is kept, so a database leak gives no usable links."""

    token_hash = models.CharField(max_length=64, unique=True)
    purpose = models.CharField(max_length=30, choices=LinkPurpose.choices)
    subject_uuid = models.UUIDField(db_index=True)
    state = models.CharField(max_length=64, blank=True)
    single_use = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("magic link")
        verbose_name_plural = _("magic links")

    def __str__(self) -> str:
        return f"{self.purpose} {self.subject_uuid}"
