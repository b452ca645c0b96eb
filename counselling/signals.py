from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from counselling.access import IDLE_SESSION_KEY
from counselling.querysets import offices_of


@receiver(user_logged_in)
def track_counsellor_idle_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session") and offices_of(user).exists():
        request.session[IDLE_SESSION_KEY] = None
