"""Delete unconfirmed comments past their link's life; clear old address keys."""

from typing import Any

from django.core.management.base import BaseCommand

from buurtwijs.articles.services import comments_prune


class Command(BaseCommand):
    help = (
        "Delete visitors' comments that were never confirmed and whose link has "
        "expired, and clear the hashed network addresses of comments older than a "
        "day. Safe to run as often as you like (for example daily)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = comments_prune()
        self.stdout.write(
            f"{result.deleted} unconfirmed comments deleted, "
            f"{result.keys_cleared} address keys cleared."
        )
