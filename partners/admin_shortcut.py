"""The admin's "view on site" redirect (/admin/r/<type>/<id>/), limited to what the user sees in the admin.

Django's own view redirects for any object of any type, so a staff user could probe which case ids exist or
where another partner's draft lives; here anything outside the user's admin is a 404 like any foreign object."""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404


def scoped_shortcut(request, content_type_id: int, object_id: str):
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        raise Http404 from None
    model_admin = admin.site._registry.get(model)
    if model_admin is None:
        raise Http404
    obj = model_admin.get_object(request, object_id)  # None for a malformed id or a row outside the scope
    if obj is None or not model_admin.has_view_permission(request, obj):
        raise Http404
    return shortcut(request, content_type_id, object_id)
