"""Admin additions: the organiser's registration export on event pages."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from kennisbank import views
from kennisbank.models import EventPage


@hooks.register("register_admin_urls")
def kennisbank_admin_urls():
    return [
        path(
            "kennisbank/bijeenkomsten/<int:page_id>/aanmeldingen.<str:fmt>",
            views.event_registrations_export,
            name="kennisbank_event_registrations_export",
        ),
    ]


def _export_buttons(page, user):
    if not isinstance(page.specific_deferred, EventPage):
        return
    if not page.permissions_for_user(user).can_edit():
        return
    for fmt, label, priority in (
        ("csv", _("Registrations (CSV)"), 80),
        ("xlsx", _("Registrations (Excel)"), 81),
    ):
        yield Button(
            label,
            reverse("kennisbank_event_registrations_export", args=[page.pk, fmt]),
            icon_name="download",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def event_export_header_buttons(page, user, view_name=None, next_url=None):
    yield from _export_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def event_export_listing_buttons(page, user, next_url=None):
    yield from _export_buttons(page, user)


from kennisbank import importing_admin  # noqa: E402,F401  (regelingen import upload and editors report)
