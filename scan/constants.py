from django.db import models
from django.utils.translation import gettext_lazy as _


class DefinitionKind(models.TextChoices):
    BEDRIJFSSCAN = "bedrijfsscan", _("Business scan")
    VERVOLGSCAN = "vervolgscan", _("Follow-up scan")


class DefinitionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("Scale 1 to 5")
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    YES_NO = "yes_no", _("Yes / no")
    NUMBER = "number", _("Number")
    TEXT = "text", _("Short text")


class Horizon(models.TextChoices):
    NOW = "nu", _("Now")
    FUTURE = "toekomst", _("Future")


class Direction(models.TextChoices):
    GROEIEN = "groeien", _("Grow")
    VERSNELLEN = "versnellen", _("Accelerate")
    VERNIEUWEN = "vernieuwen", _("Renew")
    HERVORMEN = "hervormen", _("Reshape")
    STOPPEN = "stoppen", _("Stop or hand over")


class TurnoverClass(models.TextChoices):
    T_0_100K = "0-100k", _("Less than €100,000")
    T_100K_500K = "100k-500k", _("€100,000 to €500,000")
    T_500K_1M = "500k-1m", _("€500,000 to €1 million")
    T_1M_2M = "1m-2m", _("€1 to €2 million")
    T_2M_10M = "2m-10m", _("€2 to €10 million")
    T_10M = "10m+", _("More than €10 million")
    NONE = "geen_antwoord", _("I'd rather not say")


TURNOVER_BOUNDS: dict[str, tuple[int, int | None]] = {
    TurnoverClass.T_0_100K: (0, 100_000),
    TurnoverClass.T_100K_500K: (100_000, 500_000),
    TurnoverClass.T_500K_1M: (500_000, 1_000_000),
    TurnoverClass.T_1M_2M: (1_000_000, 2_000_000),
    TurnoverClass.T_2M_10M: (2_000_000, 10_000_000),
    TurnoverClass.T_10M: (10_000_000, None),
}

# Score bands for advice texts (inclusive lower bounds).
BAND_ATTENTION = "attention"
BAND_ON_WAY = "on_way"
BAND_STRONG = "strong"
BAND_LABELS = {
    BAND_ATTENTION: _("Needs attention"),
    BAND_ON_WAY: _("On the way"),
    BAND_STRONG: _("Strong point"),
}


def band_for(score: int | None) -> str | None:
    if score is None:
        return None
    if score < 40:
        return BAND_ATTENTION
    if score < 70:
        return BAND_ON_WAY
    return BAND_STRONG
