from django.db import models
from django.utils.translation import gettext_lazy as _


class RegelingLevel(models.TextChoices):
    """Ordered from closest to the entrepreneur to furthest."""

    GEMEENTELIJK = "gemeentelijk", _("Municipal")
    REGIONAAL = "regionaal", _("Regional")
    PROVINCIAAL = "provinciaal", _("Provincial")
    NATIONAAL = "nationaal", _("National")
    EUROPEES = "europees", _("European")


LEVEL_DISTANCE = {level: i for i, level in enumerate(RegelingLevel.values)}


class RegelingKind(models.TextChoices):
    SUBSIDIE = "subsidie", _("Subsidy")
    LENING = "lening", _("Loan")
    GARANTIE = "garantie", _("Guarantee")
    FISCAAL = "fiscaal", _("Tax measure")
    VOUCHER = "voucher", _("Voucher")
    ADVIES = "advies", _("Advice")
    PROGRAMMA = "programma", _("Programme")
    OPLEIDING = "opleiding", _("Training")
    NETWERK = "netwerk", _("Network")
    TOOL = "tool", _("Tool")


class CriterionOperator(models.TextChoices):
    EQ = "eq", "="
    NE = "ne", "≠"
    LT = "lt", "<"
    LTE = "lte", "≤"
    GT = "gt", ">"
    GTE = "gte", "≥"
    IN = "in", _("is one of")
    NOT_IN = "not_in", _("is none of")
    BETWEEN = "between", _("between")
