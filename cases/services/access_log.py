"""What staff pages record in the AVG access log (schakelteam.accounts.audit). Call only after the
selector granted access, so a 404 or 403 leaves no trace."""

from django.contrib.auth.models import AbstractBaseUser

from cases.models import Casus
from schakelteam.accounts.audit import personal_data_access_record
from schakelteam.accounts.models import AccessAction, SubjectType


def casus_access_record(
    *,
    user: AbstractBaseUser,
    casus: Casus,
    action: str = AccessAction.VIEW,
    scan=None,
) -> None:
    """One entry for the casus (the reason is the casus itself); one more for the scan when its
    result is shown with it."""
    personal_data_access_record(
        user=user,
        action=action,
        subject_type=SubjectType.CASUS,
        subject_uuid=casus.uuid,
        casus_uuid=casus.uuid,
    )
    if scan is not None:
        personal_data_access_record(
            user=user,
            action=action,
            subject_type=SubjectType.SCAN,
            subject_uuid=scan.uuid,
            casus_uuid=casus.uuid,
        )
