"""Invite entrepreneurs who asked for it to the vervolgscan, SCHAKELTEAM_FOLLOWUP_DAYS after closing."""

from django.core.management.base import BaseCommand

from cases.services.followup import followup_invitations_send


class Command(BaseCommand):
    help = "Send due follow-up (vervolgscan) invitations; safe to run daily."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"Invited {followup_invitations_send()} entrepreneur(s).")
