"""Register of processing activities (AVG art. 30), generated from what the code does: the consent
purposes of the cases app, the magic-link purposes, the retention settings and, from the access
policy (schakelteam/accounts/policy.py), the roles holding the capabilities that reach the data.
A purpose added in code without a description here shows up as "not described" (and fails
tests/privacy/test_processing_register.py), so the register cannot silently drift."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cases.constants import ConsentPurpose
from schakelteam.accounts.constants import LinkPurpose
from schakelteam.accounts.policy import roles_holding
from schakelteam.accounts.roles import ROLE_GROUPS, Role

CSV_HEADER = [
    "key",
    "name",
    "purpose",
    "legal_basis",
    "data_subjects",
    "data_categories",
    "access_roles",
    "retention",
    "source",
]


def _days(setting: str) -> Callable[[], str]:
    return lambda: (
        _("%(days)s days (setting %(name)s)")
        % {
            "days": getattr(settings, setting),
            "name": setting,
        }
    )


def _role_names(roles: tuple[Role, ...]) -> str:
    return ", ".join(ROLE_GROUPS.get(r, "Admin") for r in roles)


@dataclass(frozen=True)
class Activity:
    key: str
    name: str
    purpose: str
    legal_basis: str
    data_subjects: str
    data_categories: str
    capabilities: tuple[str, ...]  # whoever holds one of these sees the data (the access policy)
    retention: str
    source: str
    described: bool = field(default=True)

    @property
    def roles(self) -> tuple[Role, ...]:
        return roles_holding(*self.capabilities)

    @property
    def access_roles(self) -> str:
        return _role_names(self.roles)

    def as_row(self) -> list[str]:
        return [
            self.key,
            str(self.name),
            str(self.purpose),
            str(self.legal_basis),
            str(self.data_subjects),
            str(self.data_categories),
            self.access_roles,
            str(self.retention),
            self.source,
        ]


ENTREPRENEUR = _("Entrepreneurs and contact persons of small companies")
CONTACT = _("Name, e-mail address, phone number, company name, KvK number")

# What each purpose means for the register; the keys must cover every purpose in code.
CONSENT_PURPOSES: dict[str, dict] = {
    "contact": {
        "purpose": _("Contact the entrepreneur about their request and help them"),
        "categories": CONTACT,
        "capabilities": ("casus.view",),
    },
    "share_scan": {
        "purpose": _("Let the advisor prepare with the answers of the company scan"),
        "categories": _("Scan answers, scores and advice"),
        "capabilities": ("casus.view",),
    },
    "research": {
        "purpose": _("Regional statistics; only anonymous, counted facts leave the case"),
        "categories": _("Size class, sector, municipality, themes (no names)"),
        "capabilities": ("monitoring.view",),
    },
    "share_with_partner": {
        "purpose": _("Refer the entrepreneur to a partner organisation"),
        "categories": CONTACT,
        "capabilities": ("casus.view", "referral.view"),
    },
    "follow_up": {
        "purpose": _("Invite the entrepreneur for a follow-up scan later"),
        "categories": _("E-mail address, earlier scan result"),
        "capabilities": ("casus.view",),
    },
}

LINK_PURPOSES: dict[str, str] = {
    LinkPurpose.SCAN_RESUME: "SCHAKELTEAM_SCAN_RETENTION_DAYS",
    LinkPurpose.SCAN_RESULT: "SCHAKELTEAM_SCAN_RETENTION_DAYS",
    LinkPurpose.VERVOLGSCAN: "SCHAKELTEAM_CASE_RETENTION_DAYS",
    LinkPurpose.MIJN_GEGEVENS: "SCHAKELTEAM_CASE_RETENTION_DAYS",
    LinkPurpose.SATISFACTION: "SCHAKELTEAM_CASE_RETENTION_DAYS",
}


def consent_purpose_choices() -> list[tuple[str, str]]:
    """The consent purposes the intake asks for."""
    return list(ConsentPurpose.choices)


def processing_activities() -> list[Activity]:
    not_described = _("Not described yet: add it to schakelteam/privacy/register.py")
    activities = [
        Activity(
            key="scan",
            name=_("Company scan"),
            purpose=_("Give the entrepreneur advice on their company and matching regelingen"),
            legal_basis=_("Public task (AVG art. 6.1e)"),
            data_subjects=ENTREPRENEUR,
            data_categories=_("Scan answers; e-mail address only when a resume link is asked"),
            capabilities=("casus.view",),
            retention=_days("SCHAKELTEAM_SCAN_RETENTION_DAYS")(),
            source="scan",
        )
    ]
    for value, label in consent_purpose_choices():
        known = CONSENT_PURPOSES.get(value)
        activities.append(
            Activity(
                key=f"consent:{value}",
                name=label,
                purpose=known["purpose"] if known else not_described,
                legal_basis=_("Consent (AVG art. 6.1a), withdrawable in /mijn-gegevens/"),
                data_subjects=ENTREPRENEUR,
                data_categories=known["categories"] if known else not_described,
                capabilities=known["capabilities"] if known else ("system.admin",),
                retention=_days("SCHAKELTEAM_CASE_RETENTION_DAYS")(),
                source="cases.constants.ConsentPurpose",
                described=known is not None,
            )
        )
    for value, label in LinkPurpose.choices:
        setting = LINK_PURPOSES.get(value)
        activities.append(
            Activity(
                key=f"link:{value}",
                name=_("Personal link: %(label)s") % {"label": label},
                purpose=_("Give the entrepreneur access without a password"),
                legal_basis=_("Public task (AVG art. 6.1e)"),
                data_subjects=ENTREPRENEUR,
                data_categories=_("Hash of the link, expiry, what it opens"),
                capabilities=("system.admin",),
                retention=_days(setting)() if setting else not_described,
                source="schakelteam.accounts.constants.LinkPurpose",
                described=setting is not None,
            )
        )
    activities.append(
        Activity(
            key="event_registrations",
            name=_("Registrations for meetings"),
            purpose=_("Let entrepreneurs sign up for a meeting and let the organiser prepare it"),
            legal_basis=_("Consent (AVG art. 6.1a), given on the registration form"),
            data_subjects=ENTREPRENEUR,
            data_categories=_("Name, e-mail address, organisation"),
            capabilities=("page.edit",),
            retention=_days("SCHAKELTEAM_EVENT_REGISTRATION_RETENTION_DAYS")(),
            source="kennisbank.models.EventRegistration",
        )
    )
    activities.append(
        Activity(
            key="background_tasks",
            name=_("Background tasks (e-mail delivery)"),
            purpose=_("Send e-mails reliably and retry failed ones"),
            legal_basis=_("Public task (AVG art. 6.1e)"),
            data_subjects=ENTREPRENEUR,
            data_categories=_("Recipient address and the text of the e-mail"),
            capabilities=("system.admin",),
            retention=_days("SCHAKELTEAM_TASK_RESULT_RETENTION_DAYS")(),
            source="django_tasks_db",
        )
    )
    activities.append(
        Activity(
            key="access_log",
            name=_("Access log of personal data"),
            purpose=_("Account for every staff view, export or download of personal data"),
            legal_basis=_("Legal obligation (AVG art. 5.2, 32)"),
            data_subjects=_("Staff members; entrepreneurs (by reference)"),
            data_categories=_("Staff name, action, time, reference to the case or scan"),
            capabilities=("access_log.view",),
            retention=_days("SCHAKELTEAM_ACCESS_LOG_RETENTION_DAYS")(),
            source="schakelteam.accounts.audit",
        )
    )
    activities.append(
        Activity(
            key="staff_accounts",
            name=_("Staff accounts"),
            purpose=_("Log staff in with password and second factor; assign roles"),
            legal_basis=_("Legitimate interest / contract with the partner organisation"),
            data_subjects=_("Staff of the schakelteam and its partners"),
            data_categories=_("Name, e-mail address, role, login attempts, security events"),
            capabilities=("security.manage",),
            retention=_("Until the account is removed; failed logins: %(minutes)s minutes")
            % {"minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)},
            source="schakelteam.accounts.policy",
        )
    )
    return activities
