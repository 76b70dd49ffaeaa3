"""Praktijkverhalen: how a local entrepreneur tackled something, as an example for others."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from kennisbank.blocks import BodyBlock
from schakelteam.organisation.constants import SbiSection


class BestPracticeIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["kennisbank.BestPracticePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("best practices overview")

    def get_context(self, request, *args, **kwargs):
        from kennisbank import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.best_practice_overview(index=self, params=request.GET))
        return context


class BestPracticePage(Page):
    company_name = models.CharField(_("company"), max_length=200)
    gemeente = models.ForeignKey(
        "organisation.Gemeente",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    sector = models.CharField(_("sector"), max_length=1, choices=SbiSection.choices, blank=True)
    intro = models.TextField(_("introduction"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("story"))
    themes = ParentalManyToManyField("organisation.Theme", blank=True, verbose_name=_("themes"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("company_name"), FieldPanel("gemeente"), FieldPanel("sector")],
            heading=_("Company"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("themes"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("company_name"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["kennisbank.BestPracticeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("best practice")
        verbose_name_plural = _("best practices")

    def get_context(self, request, *args, **kwargs):
        from kennisbank import selectors

        context = super().get_context(request, *args, **kwargs)
        context["themes"] = selectors.themes_localized(self.themes.all())
        return context
