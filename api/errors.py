"""A wrong address under /api/v1/ answers like the API's other errors (docs/urls.md): a JSON 404 with a German
`detail`, and where the API's map is, not the portal's HTML page."""

from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import defaults


def page_not_found(request, exception):
    root = reverse("api:root")
    if not request.path.startswith(root):
        return defaults.page_not_found(request, exception)
    detail = _("Diese Adresse gibt es in der API nicht.")
    return JsonResponse({"detail": detail, "api": request.build_absolute_uri(root)}, status=404)
