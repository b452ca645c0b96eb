"""Logs counsellors out after COUNSELLOR_IDLE_MINUTES without a request.

Only sessions marked by the desk (or at login) are tracked, so other users cost no extra query.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils.translation import gettext as _

from counselling.access import IDLE_SESSION_KEY

TOUCH_EVERY_SECONDS = 30


class CounsellorIdleLogoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and IDLE_SESSION_KEY in session and request.user.is_authenticated:
            now = time.time()
            last_seen = session[IDLE_SESSION_KEY] or now
            if now - last_seen > settings.COUNSELLOR_IDLE_MINUTES * 60:
                logout(request)
                messages.info(request, _("Sie wurden nach längerer Inaktivität abgemeldet."))
                return redirect_to_login(request.get_full_path())
            if now - last_seen >= TOUCH_EVERY_SECONDS or session[IDLE_SESSION_KEY] is None:
                session[IDLE_SESSION_KEY] = now
        return self.get_response(request)
