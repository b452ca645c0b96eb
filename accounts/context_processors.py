"""What every page shows a logged-in staff member: the way to their own area and the idle-logout warning."""

import time

from django.conf import settings

from accounts.staff import IDLE_SESSION_KEY, landing_url


def staff(request) -> dict:
    session = getattr(request, "session", None)
    if session is None or IDLE_SESSION_KEY not in session or not request.user.is_authenticated:
        return {"idle_logout_in": None}
    idle_seconds = settings.COUNSELLOR_IDLE_MINUTES * 60
    last_seen = session[IDLE_SESSION_KEY] or time.time()
    return {
        "idle_logout_in": max(0, round(last_seen + idle_seconds - time.time())),
        "idle_logout_seconds": idle_seconds,
        # Between password and second factor there is no area to go to yet.
        "my_area_url": landing_url(request.user) if _verified(request.user) else None,
    }


def _verified(user) -> bool:
    is_verified = getattr(user, "is_verified", None)  # set by django-otp's middleware
    return bool(is_verified and is_verified())
