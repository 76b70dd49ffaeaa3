"""Staff roles are Django groups; `role_of` is how every selector decides what a user may see."""

from enum import StrEnum

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group


class Role(StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    PROJECTLEIDER = "projectleider"
    ADVISOR = "advisor"
    PARTNER_CONTACT = "partner_contact"
    MODERATOR = "moderator"
    EDITOR = "editor"
    NONE = "none"


# Group name per role; the names are what staff see in the admin.
ROLE_GROUPS: dict[Role, str] = {
    Role.COORDINATOR: "Coördinator",
    Role.PROJECTLEIDER: "Projectleider",
    Role.ADVISOR: "Adviseur",
    Role.PARTNER_CONTACT: "Partnercontact",
    Role.MODERATOR: "Moderators",
    Role.EDITOR: "Editors",
}

# When a user holds several groups, the most powerful role wins.
_PRECEDENCE = [
    Role.COORDINATOR,
    Role.PROJECTLEIDER,
    Role.ADVISOR,
    Role.PARTNER_CONTACT,
    Role.MODERATOR,
    Role.EDITOR,
]


def role_of(user: AbstractBaseUser | AnonymousUser | None) -> Role:
    """The one role that decides what `user` may see; anonymous and unknown users get NONE."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Role.NONE
    if user.is_superuser:
        return Role.ADMIN
    cached = getattr(user, "_schakelteam_role", None)
    if cached is not None:
        return cached
    names = set(user.groups.values_list("name", flat=True))
    role = next((r for r in _PRECEDENCE if ROLE_GROUPS[r] in names), Role.NONE)
    user._schakelteam_role = role
    return role


def role_groups_ensure() -> dict[Role, Group]:
    """Create the role groups if missing (idempotent); permissions are added by each app."""
    return {role: Group.objects.get_or_create(name=name)[0] for role, name in ROLE_GROUPS.items()}
