"""The one access policy: every capability the platform knows, and per role the scope it holds it with.

Views require a capability (`schakelteam.accounts.decorators`), selectors take their scope from
here, and the processing register, the Wagtail group permissions and the access-matrix test are
generated from this table. A role that is not in a capability's grants does not hold it.

A scope says which objects a grant covers. Each selector turns a scope into a filter and gives
nothing for a scope it does not know (fail closed). Regions fit in as two more scopes without a
redesign: REGION (the objects of the user's own regio) and ROLLUP (aggregates across regions, no
personal data); add the member here and one case to each scoped selector.
"""

from enum import StrEnum

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from .roles import Role, role_of


class Scope(StrEnum):
    NONE = "none"
    OWN = "own"  # what is the user's own: an advisor's casussen (and their referrals), own account
    ORGANISATION = "organisation"  # what is addressed to the user's partner organisation
    PAGES = "pages"  # the page trees where Wagtail's page permissions give the role's group rights
    ALL = "all"  # everything in the deployment


ALL, OWN, ORG, PAGES = Scope.ALL, Scope.OWN, Scope.ORGANISATION, Scope.PAGES
ADMIN, COORDINATOR, PROJECTLEIDER, ADVISOR = (
    Role.ADMIN,
    Role.COORDINATOR,
    Role.PROJECTLEIDER,
    Role.ADVISOR,
)
PARTNER, MODERATOR, EDITOR = Role.PARTNER_CONTACT, Role.MODERATOR, Role.EDITOR
STAFF_ROLES = (ADMIN, COORDINATOR, PROJECTLEIDER, ADVISOR, PARTNER, MODERATOR, EDITOR)


def _model_permissions(*models: str) -> tuple[str, ...]:
    """Django's four model permissions ("app_label.action_model") for each "app_label.model"."""
    return tuple(
        f"{model.split('.')[0]}.{action}_{model.split('.')[1]}"
        for model in models
        for action in ("add", "change", "delete", "view")
    )


# Capability → the scope per role. Read a row as "who may do this, and on what".
GRANTS: dict[str, dict[Role, Scope]] = {
    # The werkplek start page (it sends each role to its own place) and one's own recovery codes.
    "workspace.enter": dict.fromkeys(STAFF_ROLES, OWN),
    "recovery_codes.renew": dict.fromkeys(STAFF_ROLES, OWN),
    # Casussen: see one (with its scan, consents, appointments, history), work on it, assign it.
    # The projectleider works with aggregates only: no casus, referral or personal data.
    "casus.view": {ADMIN: ALL, COORDINATOR: ALL, ADVISOR: OWN},
    "casus.handle": {ADMIN: ALL, COORDINATOR: ALL, ADVISOR: OWN},
    "casus.assign": {ADMIN: ALL, COORDINATOR: ALL},
    "casus.intake_phone": {ADMIN: ALL, COORDINATOR: ALL, ADVISOR: ALL},
    # Referrals: see one, list them in the partner portal, accept/decline and report the outcome.
    "referral.view": {ADMIN: ALL, COORDINATOR: ALL, ADVISOR: OWN, PARTNER: ORG},
    "partner_portal.view": {ADMIN: ALL, COORDINATOR: ALL, PARTNER: ORG},
    "referral.answer": {ADMIN: ALL, COORDINATOR: ALL, PARTNER: ORG},
    # Aggregates: the dashboard and its CSVs, the quarterly reports, KPI definitions, regional data.
    "monitoring.view": {ADMIN: ALL, COORDINATOR: ALL, PROJECTLEIDER: ALL},
    "report.create": {ADMIN: ALL, COORDINATOR: ALL, PROJECTLEIDER: ALL},
    "report.download": {ADMIN: ALL, COORDINATOR: ALL, PROJECTLEIDER: ALL},
    "kpi.manage": {ADMIN: ALL, COORDINATOR: ALL, PROJECTLEIDER: ALL},
    "regional_data.manage": {ADMIN: ALL, COORDINATOR: ALL, PROJECTLEIDER: ALL, EDITOR: ALL},
    # Privacy and security.
    "access_log.view": {ADMIN: ALL, COORDINATOR: ALL},
    "register.view": {ADMIN: ALL},
    "security.manage": {ADMIN: ALL},
    "system.admin": {ADMIN: ALL},  # the Django admin: raw tables, magic links, background tasks
    # The Wagtail admin and what editors do in it.
    "admin.access": {
        ADMIN: ALL,
        COORDINATOR: ALL,
        PROJECTLEIDER: ALL,
        MODERATOR: ALL,
        EDITOR: ALL,
    },
    "page.edit": {ADMIN: ALL, MODERATOR: PAGES, EDITOR: PAGES},
    "page.publish": {ADMIN: ALL, MODERATOR: PAGES},
    "scan_definition.manage": {ADMIN: ALL},
}

# What a capability consists of in the Wagtail and Django admin: global permissions for the role's
# group, page permissions on the site trees, permissions on the root collection (images, documents).
DJANGO_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "admin.access": ("wagtailadmin.access_admin",),
    "kpi.manage": _model_permissions("monitoring.kpidefinition"),
    "regional_data.manage": _model_permissions("monitoring.regionalindicator"),
    "page.edit": ("wagtail_localize.submit_translation",),
    "scan_definition.manage": _model_permissions("scan.scandefinition", "scan.question"),
}
PAGE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "page.edit": ("add_page", "change_page", "lock_page"),
    "page.publish": ("publish_page", "unlock_page"),
}
COLLECTION_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "page.edit": (
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ),
}


def capability_check(capability: str) -> str:
    """`capability` if the policy knows it; a typo fails where it is written, at import time."""
    if capability not in GRANTS:
        raise KeyError(
            f"Unknown capability {capability!r}: add it to schakelteam/accounts/policy.py"
        )
    return capability


def grant(role: Role, capability: str) -> Scope:
    """The scope with which `role` holds `capability` (NONE if it does not)."""
    return GRANTS[capability_check(capability)].get(role, Scope.NONE)


def scope_of(user: AbstractBaseUser | AnonymousUser | None, capability: str) -> Scope:
    return grant(role_of(user), capability)


def allows(user: AbstractBaseUser | AnonymousUser | None, capability: str) -> bool:
    return scope_of(user, capability) != Scope.NONE


def roles_holding(*capabilities: str) -> tuple[Role, ...]:
    """Every role that holds at least one of `capabilities`, in the order of STAFF_ROLES."""
    return tuple(r for r in STAFF_ROLES if any(grant(r, c) != Scope.NONE for c in capabilities))


def _held(role: Role, table: dict[str, tuple[str, ...]]) -> set[str]:
    return {p for cap, perms in table.items() if grant(role, cap) != Scope.NONE for p in perms}


def django_permissions_of(role: Role) -> set[str]:
    return _held(role, DJANGO_PERMISSIONS)


def page_permissions_of(role: Role) -> set[str]:
    return _held(role, PAGE_PERMISSIONS)


def collection_permissions_of(role: Role) -> set[str]:
    return _held(role, COLLECTION_PERMISSIONS)


def managed_django_permissions() -> set[str]:
    """Every global permission the policy decides about (others are left alone)."""
    return {p for perms in DJANGO_PERMISSIONS.values() for p in perms}
