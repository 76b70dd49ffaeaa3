from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class PartnerIndexPage(Page):
    """Lists the back-office partners (managed as snippets), grouped by kind."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner overview")

    def get_context(self, request, *args, **kwargs):
        from kennisbank import selectors

        context = super().get_context(request, *args, **kwargs)
        context["partner_groups"] = selectors.partner_groups()
        return context
