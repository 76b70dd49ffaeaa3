"""The role groups' Django permissions, set from the access policy (so Wagtail's own admin views,
which check Django permissions, agree with it)."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

from . import policy
from .roles import Role, role_groups_ensure


def permissions_get(names: set[str]) -> list[Permission]:
    """The Permission rows for "app_label.codename" names; a name the database lacks is an error."""
    if not names:
        return []
    query = Q()
    for name in names:
        app_label, codename = name.split(".", 1)
        query |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(query).select_related("content_type"))
    missing = names - {f"{p.content_type.app_label}.{p.codename}" for p in found}
    if missing:
        raise LookupError(f"Permissions in the policy that do not exist: {sorted(missing)}")
    return found


@transaction.atomic
def role_permissions_sync() -> dict[Role, Group]:
    """Give each role group exactly the global permissions its capabilities consist of; permissions
    the policy does not decide about are left alone. Idempotent."""
    groups = role_groups_ensure()
    managed = permissions_get(policy.managed_django_permissions())
    for role, group in groups.items():
        wanted = permissions_get(policy.django_permissions_of(role))
        group.permissions.remove(*[p for p in managed if p not in wanted])
        group.permissions.add(*wanted)
    return groups
