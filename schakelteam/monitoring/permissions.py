"""Who manages what of the monitoring in the Wagtail admin (its snippets check model permissions)."""

from django.contrib.auth.models import Permission

from schakelteam.accounts.roles import Role, role_groups_ensure

ADMIN_PERMISSIONS = {
    Role.EDITOR: ["regionalindicator"],
    Role.COORDINATOR: ["regionalindicator", "kpidefinition"],
    Role.PROJECTLEIDER: ["regionalindicator", "kpidefinition"],
}


def monitoring_permissions_ensure() -> None:
    """Editors keep the regional figures; coordinators and projectleiders also the KPI definitions."""
    groups = role_groups_ensure()
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for role, models in ADMIN_PERMISSIONS.items():
        perms = Permission.objects.filter(
            content_type__app_label="monitoring",
            codename__in=[
                f"{action}_{m}" for m in models for action in ("add", "change", "delete", "view")
            ],
        )
        groups[role].permissions.add(access, *perms)
