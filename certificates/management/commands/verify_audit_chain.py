import sys
from typing import Any

from django.core.management.base import BaseCommand

from certificates.services.audit import audit_chain_verify


class Command(BaseCommand):
    help = "Check every audit event's hash and link; print the first broken link. Exit status 1 when broken."

    def handle(self, *args: Any, **options: Any) -> None:
        checked, broken = audit_chain_verify()
        if broken is None:
            self.stdout.write(f"audit chain intact: {checked} events checked")
            return
        where = f"event {broken.event_id}" if broken.event_id is not None else "chain head"
        self.stdout.write(
            f"audit chain broken at {where}: {broken.reason} ({checked} events before it are intact)"
        )
        sys.exit(1)
