"""Reference data in the Django admin (superusers): consent texts, advisors, partner contacts, mentors.

Casussen and personal data are deliberately not registered: staff reach them only through the
werkplek, where every view is scoped by the selectors."""

from django.contrib import admin

from cases.models import ConsentText
from schakelteam.organisation.models import Advisor, Mentor, PartnerContact


@admin.register(ConsentText)
class ConsentTextAdmin(admin.ModelAdmin):
    list_display = ["purpose", "version", "is_active", "created_at"]
    list_filter = ["purpose", "is_active"]

    def get_readonly_fields(self, request, obj=None):
        # A text once shown is evidence of what people agreed to: add a new version instead.
        return ["purpose", "version", "text_nl", "text_en"] if obj else []

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Advisor)
class AdvisorAdmin(admin.ModelAdmin):
    list_display = ["__str__", "partner", "capacity", "is_away"]
    list_filter = ["is_away", "partner"]
    filter_horizontal = ["themes", "gemeenten"]


@admin.register(PartnerContact)
class PartnerContactAdmin(admin.ModelAdmin):
    list_display = ["__str__", "partner"]


@admin.register(Mentor)
class MentorAdmin(admin.ModelAdmin):
    list_display = ["name", "sbi_section", "is_available"]
    filter_horizontal = ["themes"]
