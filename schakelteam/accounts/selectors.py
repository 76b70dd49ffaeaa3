"""Reads of staff accounts and their security history."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from .models import StaffSecurityEvent
from .roles import ROLE_GROUPS
from .services import second_factor_enrolled


def staff_user_list() -> QuerySet:
    """Every account that must use a second factor: the ones the security overview manages."""
    return (
        get_user_model()
        .objects.filter(
            Q(is_staff=True) | Q(is_superuser=True) | Q(groups__name__in=ROLE_GROUPS.values())
        )
        .distinct()
        .order_by("username")
    )


def staff_accounts() -> list:
    """Every account that must use a second factor, with its enrolment state."""
    return [(user, second_factor_enrolled(user)) for user in staff_user_list()]


def security_event_list() -> QuerySet[StaffSecurityEvent]:
    return StaffSecurityEvent.objects.all()
