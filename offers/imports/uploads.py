"""An uploaded file kept between the preview and the confirmation (offers.models.PendingUpload); the session holds
only its random token, so nobody confirms another user's upload."""

from __future__ import annotations

import datetime
import secrets

from django.utils import timezone

from offers.models import PendingUpload

SESSION_KEY = "offers_import"
KEEP_FOR = datetime.timedelta(days=1)


def keep(request, *, data: bytes, partner, complete: bool, file_name: str) -> None:
    discard(request)
    PendingUpload.objects.filter(created_at__lt=timezone.now() - KEEP_FOR).delete()
    upload = PendingUpload.objects.create(
        token=secrets.token_hex(32),
        user=request.user,
        partner=partner,
        complete=complete,
        file_name=file_name[:255],
        data=data,
    )
    request.session[SESSION_KEY] = upload.token


def take(request) -> PendingUpload | None:
    """The user's kept upload, removed from the database and the session (None if there is none)."""
    token = request.session.pop(SESSION_KEY, None)
    upload = PendingUpload.objects.filter(token=token, user=request.user).first() if token else None
    if upload is not None:
        upload.delete()
    return upload


def discard(request) -> None:
    take(request)
