"""Follow-up: closed casussen whose entrepreneur asked for it get a vervolgscan invitation once."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cases.models import Casus, Consent

from ..constants import FINAL_STATUSES, ConsentPurpose
from ..tasks import mail_followup


def followup_invitations_send(*, now: datetime | None = None) -> int:
    """Invite every due casus once (idempotent); returns how many were invited."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SCHAKELTEAM_FOLLOWUP_DAYS)
    consenting = Consent.objects.filter(
        purpose=ConsentPurpose.FOLLOW_UP, withdrawn_at__isnull=True
    ).values("entrepreneur_id")
    due = Casus.objects.filter(
        status__in=FINAL_STATUSES,
        closed_at__lt=cutoff,
        followup_invited_at__isnull=True,
        anonymised_at__isnull=True,
        entrepreneur_id__in=consenting,
    ).values_list("pk", flat=True)
    count = 0
    for casus_id in list(due):
        with transaction.atomic():
            marked = Casus.objects.filter(pk=casus_id, followup_invited_at__isnull=True).update(
                followup_invited_at=now
            )
            if marked:
                count += 1
                transaction.on_commit(lambda c=casus_id: mail_followup.enqueue(casus_id=c))
    return count
