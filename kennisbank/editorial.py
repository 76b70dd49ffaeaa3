"""Editors and Moderators: page permissions on the home trees and the moderation workflow (idempotent)."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from schakelteam.accounts.roles import ROLE_GROUPS, Role

WORKFLOW_NAME = "Moderatie"
TASK_NAME = "Goedkeuring door een moderator"

# Editors write and submit; moderators also publish. Neither may delete whole trees.
PAGE_PERMISSIONS = {
    Role.EDITOR: ("add_page", "change_page", "lock_page"),
    Role.MODERATOR: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
GLOBAL_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
)


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def editorial_setup(*, roots: list[Page]) -> Workflow:
    """Give Editors and Moderators their rights under each of `roots` (the home page per language)
    and put those trees under the submit → approve → publish workflow."""
    groups = {
        role: Group.objects.get_or_create(name=ROLE_GROUPS[role])[0] for role in PAGE_PERMISSIONS
    }
    root_collection = Collection.get_first_root_node()
    for role, group in groups.items():
        group.permissions.add(*[_permission(a, c) for a, c in GLOBAL_PERMISSIONS])
        for page in roots:
            for codename in PAGE_PERMISSIONS[role]:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=_permission("wagtailcore", codename)
                )
        for app_label, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(app_label, codename)
            )

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([groups[Role.MODERATOR]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in roots:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
