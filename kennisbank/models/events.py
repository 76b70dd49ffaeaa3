"""Bijeenkomsten: events per gemeente with a registration form that closes at capacity."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from kennisbank.blocks import BodyBlock


class EventIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["kennisbank.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events overview")

    def get_context(self, request, *args, **kwargs):
        from kennisbank import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.event_overview(index=self, params=request.GET))
        return context


class EventPage(Page):
    intro = models.TextField(_("introduction"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("programme"))
    gemeente = models.ForeignKey(
        "organisation.Gemeente",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    is_online = models.BooleanField(_("online"), default=False)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), default=30, help_text=_("Registration closes when this many have signed up.")
    )
    registration_open = models.BooleanField(_("registration open"), default=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("gemeente"),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("is_online"),
                FieldPanel("venue"),
                FieldPanel("address"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [FieldPanel("capacity"), FieldPanel("registration_open")], heading=_("Registration")
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("starts_at"),
    ]
    parent_page_types = ["kennisbank.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The end must not be before the start.")})
        if not self.is_online and not self.address.strip():
            raise ValidationError({"address": _("Give an address, or mark the event as online.")})

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    def serve(self, request, *args, **kwargs):
        from kennisbank.views import event_page_serve

        return event_page_serve(request, self, super().serve)


class EventRegistration(models.Model):
    """Personal data: kept for the event only, never indexed and never shown to editors as a page."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    consent_contact = models.BooleanField(_("may be contacted about this event"), default=False)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        constraints = [
            models.UniqueConstraint(
                "event", Lower("email"), name="kennisbank_registration_one_per_email"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.event_id})"
