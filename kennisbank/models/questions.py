"""Questions and answers (Q&A) entrepreneurs often ask."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from kennisbank.blocks import BodyBlock


class QuestionIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["kennisbank.QuestionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("questions overview")

    def get_context(self, request, *args, **kwargs):
        from kennisbank import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.question_overview(index=self, params=request.GET))
        return context


class QuestionPage(Page):
    short_answer = models.TextField(
        _("short answer"), help_text=_("The answer in one or two sentences.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("full answer"))
    themes = ParentalManyToManyField("organisation.Theme", blank=True, verbose_name=_("themes"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("short_answer"),
        FieldPanel("body"),
        FieldPanel("themes"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("short_answer"),
        index.SearchField("body"),
    ]
    parent_page_types = ["kennisbank.QuestionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def get_context(self, request, *args, **kwargs):
        from kennisbank import selectors

        context = super().get_context(request, *args, **kwargs)
        context["themes"] = selectors.themes_localized(self.themes.all())
        return context
