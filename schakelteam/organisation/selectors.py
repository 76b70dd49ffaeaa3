"""Reads of the organisation data."""

import re

from django.conf import settings
from django.db.models import QuerySet
from wagtail.coreutils import get_supported_content_language_variant

from .models import Gemeente, Partner, Regio, Theme

POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})\s*$")


def postcode_normalise(value: str) -> str | None:
    """'1315 ab' -> '1315 AB'; None when it is not a Dutch postcode."""
    match = POSTCODE_RE.match(value or "")
    if not match:
        return None
    letters = match.group(2).upper()
    if letters in {"SA", "SD", "SS"}:
        return None
    return f"{match.group(1)} {letters}"


def gemeente_for_postcode(postcode: str) -> Gemeente | None:
    """The gemeente whose ranges cover `postcode`, or None (outside every known region)."""
    normalised = postcode_normalise(postcode)
    if normalised is None:
        return None
    return gemeente_for_postcode_digits(int(normalised[:4]))


def gemeente_for_postcode_digits(digits: int) -> Gemeente | None:
    """The gemeente covering the four-digit part of a postcode (all a scan keeps), or None."""
    for gemeente in Gemeente.objects.select_related("regio"):
        if gemeente.covers(digits):
            return gemeente
    return None


def gemeente_list(*, regio: Regio | None = None) -> QuerySet[Gemeente]:
    """The gemeenten (of one regio when given), with their regio."""
    qs = Gemeente.objects.select_related("regio")
    return qs.filter(regio=regio) if regio is not None else qs


def gemeente_province(slug: str) -> str:
    """The province of the gemeente with `slug` ("" when unknown)."""
    found = Gemeente.objects.filter(slug=slug).values_list("regio__province", flat=True).first()
    return found or ""


def theme_list() -> QuerySet[Theme]:
    """Themes in the default language: the ones every other model links to.

    Lazy (no query until evaluated): forms use it as a field's queryset at import time, before
    the first migrate.
    """
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return Theme.objects.filter(locale__language_code=default)


def partner_list() -> QuerySet[Partner]:
    return Partner.objects.filter(is_active=True).select_related("gemeente", "regio")
