"""Writes of the kennisbank: event registration."""

from django.db import IntegrityError, transaction
from wagtail.models import Locale

from kennisbank.models import EventPage, EventRegistration
from schakelteam.events import EventKind, event_report


class RegistrationClosed(Exception):
    """The event is full, over, or registration was closed by the organiser."""


def event_canonical(event: EventPage) -> EventPage:
    """Registrations belong to the default-language event, so capacity counts every language."""
    default = Locale.get_default()
    if event.locale_id == default.pk:
        return event
    return event.get_translation_or_none(default) or event


def event_places_left(event: EventPage) -> int:
    if event.pk is None:  # an unsaved page in the admin preview
        return event.capacity
    event = event_canonical(event)
    return max(0, event.capacity - event.registrations.count())


@transaction.atomic
def event_register(
    *,
    event: EventPage,
    name: str,
    email: str,
    organisation: str = "",
    consent_contact: bool = False,
) -> tuple[EventRegistration, bool]:
    """Register once per e-mail address; returns (registration, created).

    The event row is locked so two people cannot take the last place at the same time."""
    event = EventPage.objects.select_for_update().get(pk=event_canonical(event).pk)
    email = email.strip()
    existing = event.registrations.filter(email__iexact=email).first()
    if existing is not None:
        return existing, False
    if not event.registration_open or event.is_past:
        raise RegistrationClosed(event)
    if event.registrations.count() >= event.capacity:
        raise RegistrationClosed(event)
    try:
        with transaction.atomic():
            registration = EventRegistration.objects.create(
                event=event,
                name=name,
                email=email,
                organisation=organisation,
                consent_contact=consent_contact,
            )
    except IntegrityError:  # the same address at the same moment
        return event.registrations.get(email__iexact=email), False
    gemeente = event.gemeente
    transaction.on_commit(
        lambda: event_report(kind=EventKind.EVENT_REGISTERED, gemeente=gemeente, origin="web")
    )
    return registration, True
