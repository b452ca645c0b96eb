from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from accounts.staff import IDLE_SESSION_KEY, needs_second_factor


@receiver(user_logged_in)
def track_staff_idle_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session") and needs_second_factor(user):
        request.session[IDLE_SESSION_KEY] = None
