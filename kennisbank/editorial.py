"""Page and media rights on the home trees, as the access policy gives them, and the moderation
workflow (idempotent)."""

from django.contrib.auth.models import Permission
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

from schakelteam.accounts import policy
from schakelteam.accounts.groups import permissions_get, role_permissions_sync

WORKFLOW_NAME = "Moderatie"
TASK_NAME = "Goedkeuring door een moderator"


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


@transaction.atomic
def editorial_setup(*, roots: list[Page]) -> Workflow:
    """Give each role group the page and media rights the access policy gives it under each of
    `roots` (the home page per language), and put those trees under the submit → approve →
    publish workflow, approved by the roles that may publish."""
    groups = role_permissions_sync()
    root_collection = Collection.get_first_root_node()
    for role, group in groups.items():
        for page in roots:
            for codename in sorted(policy.page_permissions_of(role)):
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=_page_permission(codename)
                )
        for permission in permissions_get(policy.collection_permissions_of(role)):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set(
        [groups[role] for role in policy.roles_holding("page.publish") if role in groups]
    )
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in roots:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
