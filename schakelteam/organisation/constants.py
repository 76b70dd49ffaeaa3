"""Reference values of the organisation that every app uses: partner kinds, size classes, sectors."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.TextChoices):
    GEMEENTE = "gemeente", _("Municipality")
    PROVINCIE = "provincie", _("Province")
    KENNISINSTELLING = "kennisinstelling", _("Knowledge institution")
    ONDERNEMERSVERENIGING = "ondernemersvereniging", _("Business association")
    NETWERK = "netwerk", _("Network")
    FINANCIER = "financier", _("Financier")
    OVERHEIDSORGANISATIE = "overheidsorganisatie", _("Government agency")
    OVERIG = "overig", _("Other")


class SizeClass(models.TextChoices):
    """Company size: the number of people working there, the owner included."""

    ALLEEN = "1", _("Just me")
    KLEIN_2_4 = "2-4", _("2 to 4 people")
    KLEIN_5_10 = "5-10", _("5 to 10 people")
    MIDDEN_11_50 = "11-50", _("11 to 50 people")
    MIDDEN_51_250 = "51-250", _("51 to 250 people")
    GROOT_250 = "250+", _("More than 250 people")


SIZE_CLASS_BOUNDS: dict[str, tuple[int, int | None]] = {
    SizeClass.ALLEEN: (1, 1),
    SizeClass.KLEIN_2_4: (2, 4),
    SizeClass.KLEIN_5_10: (5, 10),
    SizeClass.MIDDEN_11_50: (11, 50),
    SizeClass.MIDDEN_51_250: (51, 250),
    SizeClass.GROOT_250: (251, None),
}


class SbiSection(models.TextChoices):
    """SBI 2008 sections (Standaard Bedrijfsindeling)."""

    A = "A", _("A – Agriculture, forestry and fishing")
    B = "B", _("B – Mining and quarrying")
    C = "C", _("C – Manufacturing")
    D = "D", _("D – Energy supply")
    E = "E", _("E – Water supply and waste management")
    F = "F", _("F – Construction")
    G = "G", _("G – Wholesale and retail trade")
    H = "H", _("H – Transport and storage")
    I = "I", _("I – Accommodation and food service")  # noqa: E741
    J = "J", _("J – Information and communication")
    K = "K", _("K – Financial services")
    L = "L", _("L – Real estate")
    M = "M", _("M – Professional, scientific and technical services")
    N = "N", _("N – Rental and other business support")
    O = "O", _("O – Public administration")  # noqa: E741
    P = "P", _("P – Education")
    Q = "Q", _("Q – Health and social work")
    R = "R", _("R – Culture, sports and recreation")
    S = "S", _("S – Other service activities")
    T = "T", _("T – Households as employers")
    U = "U", _("U – Extraterritorial organisations")
