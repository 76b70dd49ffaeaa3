"""Template tags of the kennisbank: the language switcher's links."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """On a Wagtail page, one link per language: the translated page when there is one, else
    that language's home page. Elsewhere an empty list (the switcher keeps its set_language form)."""
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return []
    current = translation.get_language()
    translations = {
        translated.locale.language_code: translated
        for translated in page.get_translations(inclusive=True).live().select_related("locale")
    }
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
        else:
            with translation.override(code):
                url = reverse("wagtail_serve", args=[""])
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links
